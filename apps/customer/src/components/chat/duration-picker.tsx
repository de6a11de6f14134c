import { durations, type Duration } from "@tenang/booking-core/prices";
import type { Messages } from "@/i18n/messages";
import { cx } from "@/lib/cx";

/** The three durations with their prices; one the provider does not offer is shown but cannot be chosen. */
export function DurationPicker({
  value,
  priceOf,
  onChange,
  money,
  messages: m,
}: {
  value: Duration;
  priceOf: (duration: Duration) => number | null;
  onChange: (duration: Duration) => void;
  money: (amount: number) => string;
  messages: Messages;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-sand-800">{m.service.duration}</legend>
      <div className="mt-2 grid grid-cols-3 gap-2">
        {durations.map((minutes) => {
          const amount = priceOf(minutes);
          const selected = value === minutes;
          return (
            <label
              key={minutes}
              className={cx(
                "flex cursor-pointer flex-col rounded-xl border px-3 py-2 text-left has-focus-visible:ring-2 has-focus-visible:ring-tenang-400",
                selected ? "border-tenang-600 bg-tenang-50" : "border-sand-200 bg-white",
                amount === null && "cursor-not-allowed opacity-50",
              )}
            >
              <input
                type="radio"
                name="duration"
                value={minutes}
                checked={selected}
                disabled={amount === null}
                onChange={() => onChange(minutes)}
                className="sr-only"
                data-testid={`duration-${minutes}`}
              />
              <span className="text-xs font-medium text-sand-600 uppercase">{m.duration(minutes)}</span>
              <span className="text-sm font-semibold text-sand-900 tabular-nums">
                {amount === null ? m.service.notOffered : money(amount)}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
