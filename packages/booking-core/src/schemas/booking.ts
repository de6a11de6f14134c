// A booking as stored, the closed vocabularies around it (status, source, kind, cancel and expiry reasons), and the
// form/body that creates one. The rules that move a booking between statuses are in lifecycle/transitions.ts.
import * as z from "zod";
import { localeSchema } from "../locale";
import { whatsappInputSchema, e164Schema } from "../phone";
import { withMessage } from "../validation";
import {
  bookingIdSchema,
  durationSchema,
  genderSchema,
  idSchema,
  languageSchema,
  latitudeSchema,
  longitudeSchema,
  massageTypeSchema,
  providerTypeSchema,
  rupiahSchema,
  utcDateTimeSchema,
} from "./common";
import { discountCodeInputSchema } from "./discount-code";
import { addressLineSchema, optionalText, roomNumberSchema } from "./location";
import { MAX_OFFERS_PER_BOOKING } from "./offer";
import { personNameSchema } from "./person";

export const bookingStatuses = [
  "searching",
  "therapist_found",
  "confirmed",
  "on_the_way",
  "arrived",
  "in_progress",
  "completed",
  "cancelled",
  "expired",
] as const;
export const bookingStatusSchema = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const terminalStatuses = ["completed", "cancelled", "expired"] as const satisfies readonly BookingStatus[];

/** Where the booking was started: the Book-now button, the schedule button, a provider's menu, the chat, or a direct link. */
export const bookingSources = ["bookNow", "scheduled", "menu", "chatWindow", "direct"] as const;
export const bookingSourceSchema = z.enum(bookingSources);
export type BookingSource = z.infer<typeof bookingSourceSchema>;

export const bookingKinds = ["immediate", "scheduled"] as const;
export const bookingKindSchema = z.enum(bookingKinds);
export type BookingKind = z.infer<typeof bookingKindSchema>;

export const actorRoles = ["customer", "therapist", "place", "admin", "system"] as const;
export const actorRoleSchema = z.enum(actorRoles);
export type ActorRole = z.infer<typeof actorRoleSchema>;

/** Why a booking was cancelled, per party: each party may give only its own reasons (or "other"). */
export const cancelReasonsByActor = {
  customer: ["changed_mind", "wait_too_long", "found_alternative", "booked_by_mistake", "other"],
  therapist: ["provider_unavailable", "customer_unreachable", "customer_no_show", "unsafe_location", "other"],
  place: ["provider_unavailable", "fully_booked", "customer_no_show", "other"],
  admin: ["duplicate_booking", "fraud_suspected", "customer_request", "provider_request", "other"],
  system: ["provider_restricted", "duplicate_booking"],
} as const satisfies Record<ActorRole, readonly string[]>;

export const cancelReasons = [...new Set(Object.values(cancelReasonsByActor).flat())] as [
  CancelReason,
  ...CancelReason[],
];
export type CancelReason = (typeof cancelReasonsByActor)[ActorRole][number];
export const cancelReasonSchema = z.enum(cancelReasons);

export function isCancelReasonFor(role: ActorRole, reason: CancelReason): boolean {
  return (cancelReasonsByActor[role] as readonly CancelReason[]).includes(reason);
}

export const expiryReasons = [
  "no_therapist_available",
  "max_attempts",
  "response_deadline",
  "provider_declined",
  "customer_no_response",
] as const;
export const expiryReasonSchema = z.enum(expiryReasons);
export type ExpiryReason = z.infer<typeof expiryReasonSchema>;

export const bookingSchema = z.object({
  id: bookingIdSchema,
  /** Starts at 1, +1 on every transition. A writer names the version it read; a mismatch means it lost a race. */
  version: z.number().int().min(1),
  status: bookingStatusSchema,
  source: bookingSourceSchema,
  kind: bookingKindSchema,
  customerId: idSchema,
  customerName: z.string().trim().min(1).max(128),
  customerWhatsapp: e164Schema,
  /** The customer's UI language, for notifications. */
  customerLocale: localeSchema.default("en"),
  providerType: providerTypeSchema,
  /** The therapist holding the booking (from therapist_found on); null while searching. */
  therapistId: idSchema.nullable(),
  placeId: idSchema.nullable(),
  /** The therapist the customer asked for (favourite, profile, menu, or arranged by support), offered first. */
  requestedTherapistId: idSchema.nullable().default(null),
  preferredLanguage: languageSchema.nullable().default(null),
  preferredTherapistGender: genderSchema.nullable().default(null),
  duration: durationSchema,
  massageType: massageTypeSchema.nullable(),
  /** List price for the duration. */
  price: rupiahSchema,
  discountCode: z.string().max(32).nullable(),
  discountAmount: rupiahSchema,
  /** What the customer pays: price − discountAmount. Commission is taken from this. */
  amount: rupiahSchema,
  address: z.string().max(512),
  hotelOrVilla: z.string().max(128).nullable(),
  roomNumber: z.string().max(32).nullable(),
  lat: latitudeSchema,
  lng: longitudeSchema,
  scheduledFor: utcDateTimeSchema.nullable(),
  /** Scheduled bookings and spa bookings: when the search gives up if nobody accepted. */
  responseDeadline: utcDateTimeSchema.nullable(),
  /** Number of offers made so far (the current one included). */
  attempt: z.number().int().min(0).max(MAX_OFFERS_PER_BOOKING),
  maxAttempts: z.number().int().min(1).max(20),
  /** Everyone ever offered this booking, in order. Never offered again. */
  offeredTherapistIds: z.array(idSchema),
  currentOfferId: idSchema.nullable(),
  offerExpiresAt: utcDateTimeSchema.nullable(),
  /** In therapist_found: until when the customer may accept the therapist. */
  customerDecisionDeadline: utcDateTimeSchema.nullable().default(null),
  commissionId: idSchema.nullable().default(null),
  cancelledBy: actorRoleSchema.nullable(),
  cancelReason: cancelReasonSchema.nullable(),
  expiryReason: expiryReasonSchema.nullable().default(null),
  confirmedAt: utcDateTimeSchema.nullable(),
  completedAt: utcDateTimeSchema.nullable(),
  idempotencyKey: z.string().max(64).nullable().default(null),
  createdAt: utcDateTimeSchema,
  updatedAt: utcDateTimeSchema,
});
export type Booking = z.infer<typeof bookingSchema>;

/**
 * The booking form, and the body of the create-booking route handler. Cross-field rules: a scheduled booking has a
 * time and an immediate one has none; the schedule button makes scheduled bookings; a spa booking names the spa.
 */
export const createBookingInputSchema = z
  .object({
    source: bookingSourceSchema,
    kind: bookingKindSchema,
    providerType: providerTypeSchema.default("therapist"),
    /** The therapist the customer picked (profile, menu, favourite); null for "find me a therapist". */
    therapistId: idSchema.nullish().transform((v) => v ?? null),
    placeId: idSchema.nullish().transform((v) => v ?? null),
    duration: durationSchema,
    massageType: massageTypeSchema.nullish().transform((v) => v ?? null),
    customerName: personNameSchema,
    customerWhatsapp: whatsappInputSchema,
    address: addressLineSchema,
    hotelOrVilla: optionalText(100),
    roomNumber: roomNumberSchema,
    lat: latitudeSchema,
    lng: longitudeSchema,
    scheduledFor: utcDateTimeSchema.nullish().transform((v) => v ?? null),
    discountCode: discountCodeInputSchema.nullish().transform((v) => v ?? null),
    preferredLanguage: languageSchema.nullish().transform((v) => v ?? null),
    preferredTherapistGender: genderSchema.nullish().transform((v) => v ?? null),
    locale: localeSchema.default("en"),
  })
  .refine((v) => v.kind !== "scheduled" || v.scheduledFor !== null, {
    ...withMessage("scheduled_for_required"),
    path: ["scheduledFor"],
  })
  .refine((v) => v.kind !== "immediate" || v.scheduledFor === null, {
    ...withMessage("scheduled_for_not_allowed"),
    path: ["scheduledFor"],
  })
  .refine((v) => v.source !== "scheduled" || v.kind === "scheduled", {
    ...withMessage("source_kind_mismatch"),
    path: ["kind"],
  })
  .refine((v) => (v.providerType === "place") === (v.placeId !== null), {
    ...withMessage("provider_required"),
    path: ["placeId"],
  });
export type CreateBookingInput = z.infer<typeof createBookingInputSchema>;
