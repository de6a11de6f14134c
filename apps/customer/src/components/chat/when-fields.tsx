import { SelectField } from "@tenang/ui/select-field";
import type { Messages } from "@/i18n/messages";

interface Option {
  value: string;
  label: string;
}

/** Date and time of a scheduled booking; says so when the chosen day has no slot left. */
export function WhenFields({
  date,
  slot,
  dateOptions,
  slotOptions,
  clockKnown,
  error,
  onDate,
  onSlot,
  messages: m,
}: {
  date: string;
  slot: string;
  dateOptions: Option[];
  slotOptions: Option[];
  clockKnown: boolean;
  error: string | undefined;
  onDate: (date: string) => void;
  onSlot: (slot: string) => void;
  messages: Messages;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-sm font-medium text-sand-800">{m.service.when}</legend>
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          className="min-w-0"
          id="booking-date"
          label={m.form.date}
          value={date}
          options={dateOptions}
          onChange={(e) => onDate(e.target.value)}
        />
        <SelectField
          className="min-w-0"
          id="booking-time"
          label={m.form.time}
          value={slot}
          placeholder="—"
          options={slotOptions}
          error={error}
          onChange={(e) => onSlot(e.target.value)}
        />
      </div>
      {date && clockKnown && slotOptions.length === 0 && <p className="text-sm text-sand-600">{m.form.noSlots}</p>}
    </fieldset>
  );
}
