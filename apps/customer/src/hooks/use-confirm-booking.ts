"use client";

// Confirm & Search, and the discount check. The form is checked with booking-core's createBookingInputSchema, the
// same schema the route handler parses, so what passes here is what the server accepts. Confirming sends one
// Idempotency-Key per distinct request: a double click, or a retry after a dropped connection, lands on the same
// booking. A guest without a session gets one first; one whose session lapsed since the page loaded gets a new one
// and the request is sent once more.
import { createIdempotencyKey, IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { createBookingInputSchema } from "@tenang/booking-core/schemas/booking";
import { errorMapFor } from "@tenang/booking-core/validation";
import { isApiError } from "@tenang/chat-client/api-client";
import { useRef, useState, type FormEvent, type RefObject } from "react";
import type { Messages } from "@/i18n/messages";
import { apiFetch } from "@/lib/api-client";
import type { BookingStart } from "@/lib/booking-start";
import type { CustomerBookingResponse } from "@/lib/customer-booking";
import { errorText } from "@/lib/error-text";
import { FIELD_OF_PATH, type BookingDraft, type DiscountQuote, type FieldErrors } from "./use-booking-draft";

export function useConfirmBooking(args: {
  start: BookingStart;
  locale: Messages["locale"];
  messages: Messages;
  draft: BookingDraft;
  formRef: RefObject<HTMLFormElement | null>;
  onCreated: (response: CustomerBookingResponse) => void;
}) {
  const { start, locale, messages: m, draft, formRef, onCreated } = args;
  const { fields, point, setErrors, setQuote } = draft;
  const scheduled = start.kind === "scheduled";
  const [formError, setFormError] = useState<string | null>(null);
  // Set when the guest already has a booking under way: the form error then leads back to it.
  const [activeBookingHref, setActiveBookingHref] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [checkingCode, setCheckingCode] = useState(false);
  const sessionReady = useRef(start.hasSession);
  const inFlight = useRef(false);
  const idempotency = useRef<{ body: string; key: string } | null>(null);

  function body() {
    // At a spa the guest goes there: the spa's address and point are the booking's.
    const spa = start.place;
    return {
      source: start.source,
      kind: start.kind,
      providerType: spa ? ("place" as const) : ("therapist" as const),
      therapistId: spa ? null : (start.therapist?.id ?? null),
      placeId: spa?.id ?? null,
      duration: fields.duration,
      customerName: fields.customerName,
      customerWhatsapp: fields.customerWhatsapp,
      address: spa ? spa.address : fields.address,
      hotelOrVilla: spa ? null : fields.hotelOrVilla,
      roomNumber: spa ? null : fields.roomNumber,
      lat: point?.lat,
      lng: point?.lng,
      scheduledFor: scheduled ? fields.slot || null : null,
      discountCode: fields.discountCode.trim() || null,
      locale,
    };
  }

  /** Takes keyboard and screen-reader users (and the scroll position) to the first field to fix. */
  function focusFirstInvalid() {
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [aria-describedby="location-error"]')
        ?.focus(),
    );
  }

  function validate(): boolean {
    const found: FieldErrors = {};
    const parsed = createBookingInputSchema.safeParse(body(), { error: errorMapFor(locale) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF_PATH[String(issue.path[0])];
        if (field && !found[field]) found[field] = issue.message;
      }
    }
    if (!point) found.location = m.form.locationRequired;
    if (scheduled && !fields.slot) found.scheduledFor = m.form.slotRequired;
    if (!start.place && !fields.address.trim()) found.address = m.form.required;
    setErrors(found);
    if (Object.keys(found).length > 0) focusFirstInvalid();
    return Object.keys(found).length === 0;
  }

  async function ensureSession(): Promise<void> {
    if (sessionReady.current) return;
    await apiFetch("/api/session", { method: "POST", body: {} });
    sessionReady.current = true;
  }

  function showServerError(error: unknown) {
    if (isApiError(error) && error.code === "active_booking_exists") {
      // One booking under way at a time (another tab made one): the server's sentence, and the way back to it.
      // /chat opens the booking under way, which is the one that refused this (booking-server's resume rule).
      setFormError(error.message);
      setActiveBookingHref("/chat");
      return;
    }
    if (isApiError(error) && error.code === "discount_invalid") {
      setQuote(null);
      setErrors((e) => ({ ...e, discountCode: m.discountReasons[error.reason ?? ""] ?? error.message }));
      return;
    }
    if (isApiError(error) && error.code === "slot_unavailable") {
      const text = m.slotReasons[error.reason ?? ""] ?? error.message;
      // Only a scheduled booking has a time field to point at; "the spa is closed now" is said for the whole form.
      if (scheduled) setErrors((e) => ({ ...e, scheduledFor: text }));
      else setFormError(text);
      return;
    }
    if (isApiError(error) && error.issues.length > 0) {
      const found: FieldErrors = {};
      for (const issue of error.issues) {
        const field = FIELD_OF_PATH[issue.path.split(".")[0] ?? ""];
        if (field && !found[field]) found[field] = issue.message;
      }
      setErrors(found);
      setFormError(m.form.fixErrors);
      focusFirstInvalid();
      return;
    }
    setFormError(errorText(error, m));
  }

  async function applyCode() {
    const code = fields.discountCode.trim();
    if (!code || checkingCode) return;
    setCheckingCode(true);
    setErrors((e) => ({ ...e, discountCode: undefined }));
    try {
      await ensureSession();
      const result = await apiFetch<DiscountQuote>("/api/discount-codes/check", {
        method: "POST",
        body: {
          code,
          duration: fields.duration,
          therapistId: start.therapist?.id ?? null,
          placeId: start.place?.id ?? null,
        },
      });
      setQuote(result);
    } catch (error) {
      if (isApiError(error) && error.code === "validation_failed") {
        setErrors((e) => ({ ...e, discountCode: m.discountReasons.invalid }));
      } else showServerError(error);
    } finally {
      setCheckingCode(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A ref, not state: a second click can arrive before React re-renders the disabled button.
    if (inFlight.current) return;
    setFormError(null);
    setActiveBookingHref(null);
    if (!validate()) {
      setFormError(m.form.fixErrors);
      return;
    }
    const request = body();
    const json = JSON.stringify(request);
    if (idempotency.current?.body !== json) idempotency.current = { body: json, key: createIdempotencyKey() };
    const key = idempotency.current.key;
    inFlight.current = true;
    setPending(true);
    try {
      await ensureSession();
      const send = () =>
        apiFetch<CustomerBookingResponse>("/api/bookings", {
          method: "POST",
          body: request,
          headers: { [IDEMPOTENCY_HEADER]: key },
        });
      let response: CustomerBookingResponse;
      try {
        response = await send();
      } catch (error) {
        // The session cookie expired or was cleared since the page loaded: start a new one and try once more.
        if (!isApiError(error) || error.code !== "unauthorized") throw error;
        sessionReady.current = false;
        await ensureSession();
        response = await send();
      }
      onCreated(response);
    } catch (error) {
      showServerError(error);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return { formError, activeBookingHref, pending, checkingCode, applyCode, submit };
}
