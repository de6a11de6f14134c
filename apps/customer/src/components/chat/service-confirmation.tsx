"use client";

// Step 1–2 of the chat: the service confirmation card (duration, price, location, who and when) with Confirm &
// Search / Cancel. The form is checked with booking-core's createBookingInputSchema, the same schema the route
// handler parses, so what passes here is what the server accepts. Confirming sends one Idempotency-Key per
// distinct request: a double click, or a retry after a dropped connection, lands on the same booking.
import { DEFAULT_STANDARD_PRICES, durations, type Duration } from "@tenang/booking-core/prices";
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { formatPhone } from "@tenang/booking-core/phone";
import { availableSlots } from "@tenang/booking-core/schedule";
import { createBookingInputSchema } from "@tenang/booking-core/schemas/booking";
import { areas, type Area } from "@tenang/booking-core/schemas/common";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import { createIdempotencyKey, IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { DAY_MS, formatDateTime, localDate } from "@tenang/booking-core/time";
import { errorMapFor } from "@tenang/booking-core/validation";
import { Alert } from "@tenang/ui/alert";
import { Avatar } from "@tenang/ui/avatar";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { SelectField } from "@tenang/ui/select-field";
import { TextField } from "@tenang/ui/text-field";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { PinIcon } from "@/components/icons";
import { useGeolocation } from "@/hooks/use-geolocation";
import { serverNow } from "@/hooks/use-server-clock";
import type { Messages } from "@/i18n/messages";
import { apiFetch, isApiError } from "@/lib/api-client";
import type { BookingStart } from "@/lib/booking-start";
import type { CustomerBookingResponse } from "@/lib/customer-booking";
import { cx } from "@/lib/cx";
import { errorText } from "@/lib/error-text";
import { requestPushNotifications } from "@tenang/ui/push-notifications";

type Field =
  | "duration"
  | "scheduledFor"
  | "location"
  | "address"
  | "hotelOrVilla"
  | "roomNumber"
  | "customerName"
  | "customerWhatsapp"
  | "discountCode";

interface DraftFields {
  duration: Duration;
  date: string;
  slot: string;
  address: string;
  hotelOrVilla: string;
  roomNumber: string;
  area: Area | "";
  customerName: string;
  customerWhatsapp: string;
  discountCode: string;
}

interface DiscountQuote {
  code: string;
  discountAmount: number;
  amount: number;
}

const DRAFT_STORAGE_KEY = "tenang:booking-draft";
/** What is kept across a reload or a reset after cancelling (never the discount check or errors). */
type StoredDraft = Pick<DraftFields, "address" | "hotelOrVilla" | "roomNumber" | "area">;

function priceOf(start: BookingStart, duration: Duration): number | null {
  const provider = start.place ?? start.therapist;
  return provider ? provider.prices[duration] : DEFAULT_STANDARD_PRICES[duration];
}

function firstOffered(start: BookingStart): Duration {
  const wanted = start.duration ?? 60;
  if (priceOf(start, wanted) !== null) return wanted;
  return durations.find((d) => priceOf(start, d) !== null) ?? 60;
}

const FIELD_OF_PATH: Record<string, Field> = {
  duration: "duration",
  scheduledFor: "scheduledFor",
  lat: "location",
  lng: "location",
  address: "address",
  hotelOrVilla: "hotelOrVilla",
  roomNumber: "roomNumber",
  customerName: "customerName",
  customerWhatsapp: "customerWhatsapp",
  discountCode: "discountCode",
};

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
  const [fields, setFields] = useState<DraftFields>(() => ({
    duration: firstOffered(start),
    date: "",
    slot: "",
    address: "",
    hotelOrVilla: "",
    roomNumber: "",
    area: start.area ?? "",
    customerName: start.profile.name ?? "",
    customerWhatsapp: start.profile.whatsapp ? formatPhone(start.profile.whatsapp, "international") : "",
    discountCode: "",
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Set when the guest already has a booking under way: the form error then leads back to it.
  const [activeBookingHref, setActiveBookingHref] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [quote, setQuote] = useState<DiscountQuote | null>(null);
  const [checkingCode, setCheckingCode] = useState(false);
  const [now, setNow] = useState<number | null>(null);
  const { state: geo, locate } = useGeolocation();
  const sessionReady = useRef(start.hasSession);
  const inFlight = useRef(false);
  const idempotency = useRef<{ body: string; key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // After mount only: the clock and sessionStorage differ between the server render and the browser.
  useEffect(() => {
    setNow(serverNow());
    try {
      const stored = JSON.parse(sessionStorage.getItem(DRAFT_STORAGE_KEY) ?? "null") as Partial<StoredDraft> | null;
      if (stored) {
        setFields((f) => ({
          ...f,
          address: typeof stored.address === "string" ? stored.address : f.address,
          hotelOrVilla: typeof stored.hotelOrVilla === "string" ? stored.hotelOrVilla : f.hotelOrVilla,
          roomNumber: typeof stored.roomNumber === "string" ? stored.roomNumber : f.roomNumber,
          area: f.area || (areas.includes(stored.area as Area) ? (stored.area as Area) : ""),
        }));
      }
    } catch {
      // Storage blocked (private mode) or damaged: start empty.
    }
  }, []);

  useEffect(() => {
    const stored: StoredDraft = {
      address: fields.address,
      hotelOrVilla: fields.hotelOrVilla,
      roomNumber: fields.roomNumber,
      area: fields.area,
    };
    try {
      sessionStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Not remembered; nothing else depends on it.
    }
  }, [fields.address, fields.hotelOrVilla, fields.roomNumber, fields.area]);

  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    const field = FIELD_OF_PATH[key];
    if (field) setErrors((e) => ({ ...e, [field]: undefined }));
    if (key === "duration" || key === "discountCode") setQuote(null);
  };

  // Where: the device's position when shared, else the chosen area's centre, else the page's point.
  const point = useMemo(() => {
    if (start.place) return { lat: start.place.lat, lng: start.place.lng };
    if (geo.status === "located") return { lat: geo.lat, lng: geo.lng };
    if (fields.area) return areaCentres[fields.area];
    return start.point;
  }, [geo, fields.area, start.point, start.place]);

  // Slots must fit the provider's hours (any time for "the best available therapist").
  const hours = start.place?.openingHours ?? start.therapist?.workingHours ?? null;

  const dateOptions = useMemo(() => {
    if (now === null) return [];
    return Array.from({ length: 31 }, (_, i) => {
      const date = localDate(now + i * DAY_MS);
      // "Mon, 23 Nov": the year only makes the picker wider.
      const label = formatDateTime(now + i * DAY_MS, { locale, style: "date" }).replace(/ \d{4}$/, "");
      return { value: date, label };
    });
  }, [now, locale]);

  const slotOptions = useMemo(() => {
    if (now === null || !fields.date) return [];
    return availableSlots({
      date: fields.date,
      duration: fields.duration,
      now,
      hours,
    }).map((iso) => ({ value: iso, label: formatDateTime(iso, { locale, style: "time" }) }));
  }, [now, fields.date, fields.duration, hours, locale]);

  // A date with slots left, once the clock is known.
  useEffect(() => {
    if (!scheduled || now === null || fields.date) return;
    for (const option of dateOptions) {
      const slots = availableSlots({ date: option.value, duration: fields.duration, now, hours });
      if (slots.length > 0) {
        setFields((f) => ({ ...f, date: option.value }));
        return;
      }
    }
  }, [scheduled, now, fields.date, fields.duration, dateOptions, hours]);

  const price = priceOf(start, fields.duration);
  const total = quote ? quote.amount : price;

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

  function validate(): boolean {
    const found: Partial<Record<Field, string>> = {};
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

  /** Takes keyboard and screen-reader users (and the scroll position) to the first field to fix. */
  function focusFirstInvalid() {
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [aria-describedby="location-error"]')
        ?.focus(),
    );
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
      const found: Partial<Record<Field, string>> = {};
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
    // Ask now, inside the tap (browsers prompt only from a gesture): "therapist found" must reach a locked phone.
    void requestPushNotifications();
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

  const money = (amount: number) => formatRupiah(amount, m.moneyLocale);
  const whereLabel =
    geo.status === "located"
      ? m.form.locationSet
      : fields.area
        ? m.form.locationFromArea(m.areas[fields.area])
        : start.point
          ? m.form.locationSet
          : null;

  return (
    <form
      ref={formRef}
      // submit() shows every failure in the form, so its promise never rejects.
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="service-title"
      className="flex flex-1 flex-col gap-4"
    >
      <Card as="section" className="flex flex-col gap-5" data-testid="service-confirmation">
        <h2 id="service-title" className="text-base font-semibold text-sand-900">
          {m.service.title}
        </h2>

        <div className="flex items-center gap-3">
          {start.place ? (
            <>
              <Avatar
                src={start.place.photoUrl && `${start.place.photoUrl}?w=96`}
                name={start.place.name}
                size="sm"
                shape="square"
              />
              <p className="text-sm">
                <span className="block font-medium text-sand-900" data-testid="service-place">
                  {start.place.name}
                </span>
                <span className="text-sand-600">{start.place.address}</span>
              </p>
            </>
          ) : start.therapist ? (
            <>
              <Avatar
                src={start.therapist.photoUrl && `${start.therapist.photoUrl}?w=96`}
                name={start.therapist.name}
                size="sm"
              />
              <p className="text-sm">
                <span className="block text-xs text-sand-500">{m.service.therapist}</span>
                <span className="font-medium text-sand-900">{start.therapist.name}</span>
              </p>
            </>
          ) : (
            <p className="text-sm text-sand-700">{m.service.anyTherapist}</p>
          )}
        </div>

        <fieldset className="min-w-0">
          <legend className="text-sm font-medium text-sand-800">{m.service.duration}</legend>
          <div className="mt-2 grid grid-cols-3 gap-2">
            {durations.map((minutes) => {
              const amount = priceOf(start, minutes);
              const selected = fields.duration === minutes;
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
                    onChange={() => set("duration", minutes)}
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

        {scheduled && (
          <fieldset className="flex min-w-0 flex-col gap-3">
            <legend className="mb-2 text-sm font-medium text-sand-800">{m.service.when}</legend>
            <div className="grid grid-cols-2 gap-3">
              <SelectField
                className="min-w-0"
                id="booking-date"
                label={m.form.date}
                value={fields.date}
                options={dateOptions}
                onChange={(e) => {
                  set("date", e.target.value);
                  set("slot", "");
                }}
              />
              <SelectField
                className="min-w-0"
                id="booking-time"
                label={m.form.time}
                value={fields.slot}
                placeholder="—"
                options={slotOptions}
                error={errors.scheduledFor}
                onChange={(e) => {
                  set("slot", e.target.value);
                  setErrors((x) => ({ ...x, scheduledFor: undefined }));
                }}
              />
            </div>
            {fields.date && now !== null && slotOptions.length === 0 && (
              <p className="text-sm text-sand-600">{m.form.noSlots}</p>
            )}
          </fieldset>
        )}

        {!start.place && (
          <fieldset className="flex min-w-0 flex-col gap-3">
            <legend className="mb-2 text-sm font-medium text-sand-800">{m.service.location}</legend>
            <div className="flex flex-wrap items-end gap-3">
              <Button
                variant="secondary"
                onClick={locate}
                disabled={geo.status === "locating"}
                aria-describedby={errors.location ? "location-error" : undefined}
              >
                <PinIcon />
                {geo.status === "locating" ? m.form.locating : m.form.useMyLocation}
              </Button>
              <SelectField
                id="booking-area"
                label={m.form.area}
                className="min-w-36 flex-1"
                value={fields.area}
                placeholder={m.form.chooseArea}
                options={areas.map((area) => ({ value: area, label: m.areas[area] }))}
                onChange={(e) => {
                  set("area", e.target.value as Area | "");
                  setErrors((x) => ({ ...x, location: undefined }));
                }}
              />
            </div>
            {whereLabel && !errors.location && (
              <p className="text-sm text-tenang-700" data-testid="location-label">
                {whereLabel}
              </p>
            )}
            {geo.status === "denied" && <p className="text-sm text-amber-800">{m.form.locationDenied}</p>}
            {errors.location && (
              <p id="location-error" className="text-sm text-rose-700">
                {errors.location}
              </p>
            )}
            <TextField
              id="booking-address"
              label={m.form.address}
              placeholder={m.form.addressPlaceholder}
              autoComplete="street-address"
              value={fields.address}
              error={errors.address}
              onChange={(e) => set("address", e.target.value)}
            />
            <div className="grid grid-cols-[1fr_8.5rem] items-end gap-3">
              <TextField
                className="min-w-0"
                id="booking-hotel"
                label={m.form.hotel}
                value={fields.hotelOrVilla}
                error={errors.hotelOrVilla}
                onChange={(e) => set("hotelOrVilla", e.target.value)}
              />
              <TextField
                className="min-w-0"
                id="booking-room"
                label={m.form.room}
                value={fields.roomNumber}
                error={errors.roomNumber}
                onChange={(e) => set("roomNumber", e.target.value)}
              />
            </div>
          </fieldset>
        )}

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
                  void applyCode();
                }
              }}
            />
            <Button
              variant="secondary"
              size="lg"
              className={errors.discountCode ? "mb-7" : undefined}
              onClick={() => void applyCode()}
              disabled={!fields.discountCode.trim() || checkingCode}
            >
              {checkingCode ? m.form.discountChecking : m.form.discountApply}
            </Button>
          </div>
          {quote && (
            <p className="text-sm font-medium text-tenang-700" role="status" data-testid="discount-applied">
              {m.form.discountApplied(money(quote.discountAmount))}
            </p>
          )}
        </div>

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

      {formError && (
        <Alert tone="error" data-testid="form-error">
          {formError}
          {activeBookingHref && (
            <Link
              href={activeBookingHref}
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
