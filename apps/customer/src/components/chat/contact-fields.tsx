import { TextField } from "@tenang/ui/text-field";
import type { BookingDraft } from "@/hooks/use-booking-draft";
import type { Messages } from "@/i18n/messages";

/** The guest's name and WhatsApp number (remembered for next time). */
export function ContactFields({ draft, messages: m }: { draft: BookingDraft; messages: Messages }) {
  const { fields, errors, set } = draft;
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <TextField
        id="booking-name"
        label={m.form.name}
        placeholder={m.form.namePlaceholder}
        autoComplete="name"
        value={fields.customerName}
        error={errors.customerName}
        onChange={(e) => set("customerName", e.target.value)}
      />
      <div>
        <TextField
          id="booking-whatsapp"
          label={m.form.whatsapp}
          placeholder={m.form.whatsappPlaceholder}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={fields.customerWhatsapp}
          error={errors.customerWhatsapp}
          onChange={(e) => set("customerWhatsapp", e.target.value)}
          {...(errors.customerWhatsapp ? {} : { "aria-describedby": "booking-whatsapp-hint" })}
        />
        {!errors.customerWhatsapp && (
          <p id="booking-whatsapp-hint" className="mt-1.5 text-xs text-sand-500">
            {m.form.whatsappHint}
          </p>
        )}
      </div>
      <p className="text-xs text-sand-500">{m.form.remembered}</p>
    </fieldset>
  );
}
