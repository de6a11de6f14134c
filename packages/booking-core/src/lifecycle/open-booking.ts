// Opening a booking: the checks a new booking must pass (provider, price, slot, discount) and its first offer.
import type { CommitmentsByTherapist } from "../dispatch";
import { applyDiscount } from "../discount";
import type { Effect } from "../effects";
import { DomainError } from "../errors";
import { priceFor } from "../prices";
import { checkSlot, fitsWorkingHours } from "../schedule";
import type { Booking, CreateBookingInput } from "../schemas/booking";
import { bookingIdSchema } from "../schemas/common";
import type { DiscountCode } from "../schemas/discount-code";
import { isWithinServiceArea } from "../schemas/location";
import type { Place } from "../schemas/place";
import type { Therapist } from "../schemas/therapist";
import type { SystemMessage } from "../system-messages";
import { toIso, toMs } from "../time";
import { type LifecycleConfig, defaultLifecycleConfig } from "./config";
import type { TransitionResult } from "./events";
import { type Step, fail, message, offerNext } from "./steps";

export type RequestedProvider = { type: "therapist"; therapist: Therapist } | { type: "place"; place: Place };

export interface OpenBookingArgs {
  /** The new booking's id (≤ 32 chars; e.g. Appwrite's ID.unique()). */
  id: string;
  /** The Appwrite user (a guest's anonymous session user included). */
  customerId: string;
  input: CreateBookingInput;
  /** The therapist the customer picked (input.therapistId) or the spa (input.placeId), loaded by the caller. */
  provider: RequestedProvider | null;
  /** The code named in input.discountCode, loaded by the caller (null if not found), and this customer's redemptions. */
  discount: { code: DiscountCode; customerRedemptions: number } | null;
  candidates: readonly Therapist[];
  commitments?: CommitmentsByTherapist;
  idempotencyKey?: string | null;
  now: Date | number;
  config?: LifecycleConfig;
}

function invalid(path: string, message: string): DomainError {
  return new DomainError("validation_failed", `${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Opens a booking: checks provider, price, slot and discount, then makes the first offer (or, for a spa, sends the
 * request). With nobody to offer it to, the booking is created already expired, so the demand is still on record.
 */
export function openBooking(args: OpenBookingArgs): TransitionResult | DomainError {
  const config = args.config ?? defaultLifecycleConfig;
  const { input, provider } = args;
  const now = toMs(args.now);
  const at = toIso(now);
  if (!bookingIdSchema.safeParse(args.id).success) return invalid("id", "not a valid booking id");
  if ((input.kind === "scheduled") !== (input.scheduledFor !== null)) {
    return invalid("scheduledFor", "a scheduled booking has a time and an immediate one has none");
  }
  if (!isWithinServiceArea(input, config.serviceArea)) return invalid("lat", "outside the area we serve");
  const scheduledFor = input.scheduledFor;

  let price: number | null;
  let hours: Therapist["workingHours"] | null = null;
  if (input.providerType === "place") {
    if (provider?.type !== "place" || provider.place.id !== input.placeId) return fail("not_found", "spa not found");
    if (provider.place.isRestricted) return fail("provider_restricted", "this spa is not taking bookings");
    price = priceFor(provider.place, input.duration);
    hours = provider.place.openingHours;
    if (input.massageType !== null && !provider.place.massageTypes.includes(input.massageType)) {
      return invalid("massageType", "not offered by this spa");
    }
    if (scheduledFor === null && !fitsWorkingHours(now, input.duration, hours, config.dispatch.schedule.timeZone)) {
      return new DomainError("slot_unavailable", "the spa is closed now", { details: { problem: "outside_hours" } });
    }
  } else if (input.therapistId !== null) {
    if (provider?.type !== "therapist" || provider.therapist.id !== input.therapistId) {
      return fail("not_found", "therapist not found");
    }
    if (provider.therapist.isRestricted) return fail("provider_restricted", "this therapist is not taking bookings");
    price = priceFor(provider.therapist, input.duration);
    hours = provider.therapist.workingHours;
    if (input.massageType !== null && !provider.therapist.massageTypes.includes(input.massageType)) {
      return invalid("massageType", "not offered by this therapist");
    }
  } else {
    price = config.standardPrices[input.duration];
  }
  if (price === null) return invalid("duration", "this duration is not offered");

  if (scheduledFor !== null) {
    const problem = checkSlot({ scheduledFor, duration: input.duration, now, hours, config: config.dispatch.schedule });
    if (problem) return problem;
  }

  let discountAmount = 0;
  if (input.discountCode !== null) {
    if (args.discount === null || args.discount.code.code !== input.discountCode) {
      return new DomainError("discount_invalid", "unknown discount code", { details: { problem: "not_found" } });
    }
    const applied = applyDiscount(args.discount.code, {
      price,
      now,
      customerRedemptions: args.discount.customerRedemptions,
    });
    if (applied instanceof DomainError) return applied;
    discountAmount = applied.discountAmount;
  }

  let responseDeadline: string | null = null;
  if (scheduledFor !== null) {
    responseDeadline = toIso(
      Math.min(now + config.scheduledResponseWindowMs, toMs(scheduledFor) - config.responseLeadMs),
    );
  } else if (input.providerType === "place") {
    responseDeadline = toIso(now + config.placeResponseWindowMs);
  }

  const booking: Booking = {
    id: args.id,
    version: 1,
    status: "searching",
    source: input.source,
    kind: input.kind,
    customerId: args.customerId,
    customerName: input.customerName,
    customerWhatsapp: input.customerWhatsapp,
    customerLocale: input.locale,
    providerType: input.providerType,
    therapistId: null,
    placeId: input.placeId,
    requestedTherapistId: input.therapistId,
    preferredLanguage: input.preferredLanguage,
    preferredTherapistGender: input.preferredTherapistGender,
    duration: input.duration,
    massageType: input.massageType,
    price,
    discountCode: input.discountCode,
    discountAmount,
    amount: price - discountAmount,
    address: input.address,
    hotelOrVilla: input.hotelOrVilla,
    roomNumber: input.roomNumber,
    lat: input.lat,
    lng: input.lng,
    scheduledFor: input.scheduledFor,
    responseDeadline,
    attempt: 0,
    maxAttempts: config.maxAttempts,
    offeredTherapistIds: [],
    currentOfferId: null,
    offerExpiresAt: null,
    customerDecisionDeadline: null,
    commissionId: null,
    cancelledBy: null,
    cancelReason: null,
    expiryReason: null,
    confirmedAt: null,
    completedAt: null,
    idempotencyKey: args.idempotencyKey ?? null,
    createdAt: at,
    updatedAt: at,
  };

  const effects: Effect[] = [];
  if (input.discountCode !== null) {
    effects.push({
      type: "redeem_discount_code",
      code: input.discountCode,
      customerId: args.customerId,
      bookingId: args.id,
    });
  }
  const intro: SystemMessage =
    scheduledFor !== null
      ? { key: "scheduled_request_sent", params: { scheduledFor, respondBy: responseDeadline as string } }
      : booking.providerType === "place"
        ? { key: "request_sent", params: {} }
        : { key: "searching", params: {} };
  effects.push(message(booking, intro));

  let step: Step;
  if (booking.providerType === "place") {
    // A spa is asked directly (it has rooms, not a dispatch queue); its answer is due by the response deadline.
    const notification = {
      key: "new_offer",
      params: { duration: booking.duration, amount: booking.amount, expiresAt: responseDeadline as string },
    } as const;
    step = {
      patch: {},
      effects: [
        {
          type: "notify",
          to: { role: "place", placeId: input.placeId as string },
          bookingId: booking.id,
          notification,
        },
      ],
    };
  } else {
    step = offerNext(booking, args, { booking, now, at, config }, null);
  }
  const created: Booking = { ...booking, ...step.patch };
  effects.push(...step.effects);
  if (created.status === "searching" && responseDeadline !== null) {
    effects.push({
      type: "schedule_check",
      bookingId: booking.id,
      at: responseDeadline,
      check: { kind: "response_deadline" },
    });
  }
  return { booking: created, effects };
}
