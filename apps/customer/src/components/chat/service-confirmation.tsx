"use client";

// Step 1–2 of the chat: the service confirmation card (duration, price, location, who and when) with Confirm &
// Search / Cancel. What the guest enters lives in useBookingDraft, the date and time choices in useBookingSlots, and
// the discount check and Confirm & Search (validation, idempotency, a lapsed session) in useConfirmBooking; this
// file lays the card out.
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { Alert } from "@tenang/ui/alert";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import Link from "next/link";
import { useRef } from "react";
import { priceOf, useBookingDraft } from "@/hooks/use-booking-draft";
import { useBookingSlots } from "@/hooks/use-booking-slots";
import { useConfirmBooking } from "@/hooks/use-confirm-booking";
import type { Messages } from "@/i18n/messages";
import type { BookingStart } from "@/lib/booking-start";
import type { CustomerBookingResponse } from "@/lib/customer-booking";
import { ContactFields } from "./contact-fields";
import { DiscountField } from "./discount-field";
import { DurationPicker } from "./duration-picker";
import { LocationFields } from "./location-fields";
import { ServiceProvider } from "./service-provider";
import { WhenFields } from "./when-fields";

export function ServiceConfirmation({
  start,
  locale,
  messages,
  onCreated,
  onCancel,
}: {
  start: BookingStart;
  locale: Messages["locale"];
  messages: Messages;
  onCreated: (response: CustomerBookingResponse) => void;
  onCancel: () => void;
}) {
  const m = messages;
  const scheduled = start.kind === "scheduled";
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useBookingDraft(start);
  const { fields, errors, set, clearError, quote } = draft;
  // Slots must fit the provider's hours (any time for "the best available therapist").
  const hours = start.place?.openingHours ?? start.therapist?.workingHours ?? null;
  const slots = useBookingSlots({ scheduled, fields, setFields: draft.setFields, hours, locale });
  const confirm = useConfirmBooking({ start, locale, messages: m, draft, formRef, onCreated });
  const { pending } = confirm;

  const price = priceOf(start, fields.duration);
  const total = quote ? quote.amount : price;
  const money = (amount: number) => formatRupiah(amount, m.moneyLocale);

  return (
    <form
      ref={formRef}
      // submit() shows every failure in the form, so its promise never rejects.
      onSubmit={(event) => void confirm.submit(event)}
      noValidate
      aria-labelledby="service-title"
      className="flex flex-1 flex-col gap-4"
    >
      <Card as="section" className="flex flex-col gap-5" data-testid="service-confirmation">
        <h2 id="service-title" className="text-base font-semibold text-sand-900">
          {m.service.title}
        </h2>
        <ServiceProvider start={start} messages={m} />
        <DurationPicker
          value={fields.duration}
          priceOf={(duration) => priceOf(start, duration)}
          onChange={(duration) => set("duration", duration)}
          money={money}
          messages={m}
        />
        {scheduled && (
          <WhenFields
            date={fields.date}
            slot={fields.slot}
            dateOptions={slots.dateOptions}
            slotOptions={slots.slotOptions}
            clockKnown={slots.now !== null}
            error={errors.scheduledFor}
            onDate={(date) => {
              set("date", date);
              set("slot", "");
            }}
            onSlot={(slot) => {
              set("slot", slot);
              clearError("scheduledFor");
            }}
            messages={m}
          />
        )}
        {!start.place && <LocationFields start={start} draft={draft} messages={m} />}
        <ContactFields draft={draft} messages={m} />
        <DiscountField
          draft={draft}
          checking={confirm.checkingCode}
          onApply={() => void confirm.applyCode()}
          money={money}
          messages={m}
        />
        <dl className="flex flex-col gap-1 border-t border-sand-100 pt-3 text-sm">
          <div className="flex justify-between">
            <dt className="text-sand-600">{m.service.price}</dt>
            <dd className="tabular-nums">{price === null ? m.service.notOffered : money(price)}</dd>
          </div>
          {quote && (
            <div className="flex justify-between text-tenang-700">
              <dt>{m.service.discount}</dt>
              <dd className="tabular-nums">−{money(quote.discountAmount)}</dd>
            </div>
          )}
        </dl>
      </Card>

      {confirm.formError && (
        <Alert tone="error" data-testid="form-error">
          {confirm.formError}
          {confirm.activeBookingHref && (
            <Link
              href={confirm.activeBookingHref}
              className="mt-1 block font-medium underline"
              data-testid="go-to-active-booking"
            >
              {m.errors.goToBooking}
            </Link>
          )}
        </Alert>
      )}

      <div className="sticky bottom-0 z-10 -mx-4 mt-auto flex items-center gap-3 border-t border-sand-200 bg-sand-50/95 px-4 py-3 backdrop-blur">
        <div className="mr-auto text-sm">
          <span className="block text-xs text-sand-500">{m.service.total}</span>
          <span className="font-semibold text-sand-900 tabular-nums" data-testid="service-total">
            {total === null ? m.service.notOffered : money(total)}
          </span>
        </div>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {m.service.cancel}
        </Button>
        <Button type="submit" disabled={pending || price === null} aria-busy={pending} data-testid="confirm-search">
          {pending ? m.service.confirming : scheduled ? m.service.confirmScheduled : m.service.confirm}
        </Button>
      </div>
    </form>
  );
}
