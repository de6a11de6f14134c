import { Button } from "@tenang/ui/button";
import { TextField } from "@tenang/ui/text-field";
import type { BookingDraft } from "@/hooks/use-booking-draft";
import type { Messages } from "@/i18n/messages";

/** A discount code with its Apply button (Enter applies too), and what it takes off once checked. */
export function DiscountField({
  draft,
  checking,
  onApply,
  money,
  messages: m,
}: {
  draft: BookingDraft;
  checking: boolean;
  onApply: () => void;
  money: (amount: number) => string;
  messages: Messages;
}) {
  const { fields, errors, set, quote } = draft;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-end gap-2">
        <TextField
          id="booking-discount"
          label={m.form.discountCode}
          className="min-w-0 flex-1"
          autoCapitalize="characters"
          value={fields.discountCode}
          error={errors.discountCode}
          onChange={(e) => set("discountCode", e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              onApply();
            }
          }}
        />
        <Button
          variant="secondary"
          size="lg"
          className={errors.discountCode ? "mb-7" : undefined}
          onClick={onApply}
          disabled={!fields.discountCode.trim() || checking}
        >
          {checking ? m.form.discountChecking : m.form.discountApply}
        </Button>
      </div>
      {quote && (
        <p className="text-sm font-medium text-tenang-700" role="status" data-testid="discount-applied">
          {m.form.discountApplied(money(quote.discountAmount))}
        </p>
      )}
    </div>
  );
}
