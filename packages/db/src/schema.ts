// The whole database as data: one definition, applied idempotently by apply-schema.ts to the local server or to any
// real Appwrite. Adding a column or index here adds it on the next `pnpm db:setup`; nothing here is ever dropped.
//
// Enumerations and the table and bucket ids come from booking-core, the one source of truth; the database only
// enforces them (schema.test.ts checks that this file creates exactly the ids booking-core's resource-ids lists).
//
// Permissions: the browser never holds the API key, and reads data only through the apps' route handlers (which use
// the key). Row-level `read` permissions exist for Realtime: a guest or therapist receives events only for rows that
// name them (`read("user:<id>")`), and operations staff (label `admin`) may read every table. No row a browser
// credential can read holds a customer's contact details (bookings are staff-only; booking_updates is the signal).

import {
  actorRoles,
  bookingKinds,
  bookingSources,
  bookingStatuses,
  cancelReasons,
  expiryReasons,
} from "@tenang/booking-core/schemas/booking";
import { areas, genders, languages, massageTypes, providerTypes } from "@tenang/booking-core/schemas/common";
import { offerStatuses } from "@tenang/booking-core/schemas/offer";
import { messageKinds, senderTypes } from "@tenang/booking-core/schemas/chat";
import { commissionStatuses } from "@tenang/booking-core/schemas/commission";
import { discountKinds } from "@tenang/booking-core/schemas/discount-code";
import { MAX_RATING_COMMENT_LENGTH } from "@tenang/booking-core/schemas/rating";
import { locales } from "@tenang/booking-core/locale";
import { notificationChannels, notificationStatuses, pushApps } from "@tenang/booking-core/schemas/push";
import { BUCKETS, TABLES } from "@tenang/booking-core/resource-ids";

export type ColumnSpec =
  | { key: string; type: "varchar"; size: number; required?: boolean; default?: string; array?: boolean }
  | { key: string; type: "text"; required?: boolean; default?: string; array?: boolean }
  | { key: string; type: "integer"; required?: boolean; default?: number; min?: number; max?: number; array?: boolean }
  | { key: string; type: "float"; required?: boolean; default?: number; min?: number; max?: number; array?: boolean }
  | { key: string; type: "boolean"; required?: boolean; default?: boolean; array?: boolean }
  | { key: string; type: "datetime"; required?: boolean; default?: string; array?: boolean }
  | { key: string; type: "enum"; elements: readonly string[]; required?: boolean; default?: string; array?: boolean }
  | { key: string; type: "email"; required?: boolean; default?: string; array?: boolean };

export interface IndexSpec {
  key: string;
  type: "key" | "unique" | "fulltext";
  columns: string[];
  orders?: Array<"asc" | "desc">;
}

export interface TableSpec {
  id: string;
  name: string;
  permissions: string[];
  rowSecurity: boolean;
  columns: ColumnSpec[];
  indexes: IndexSpec[];
}

export interface BucketSpec {
  id: string;
  name: string;
  permissions: string[];
  fileSecurity: boolean;
  maximumFileSize: number;
  allowedFileExtensions: string[];
}

const ADMIN_READ = ['read("label:admin")'];

const provider: ColumnSpec[] = [
  { key: "name", type: "varchar", size: 128, required: true },
  { key: "area", type: "enum", elements: areas, required: true },
  { key: "lat", type: "float", required: true, min: -90, max: 90 },
  { key: "lng", type: "float", required: true, min: -180, max: 180 },
  { key: "photoFileId", type: "varchar", size: 36 },
  { key: "rating", type: "float", min: 0, max: 5, default: 0 },
  { key: "ratingCount", type: "integer", min: 0, default: 0 },
  // The exact sum of every star counted in ratingCount, so the average never drifts (booking-core addRating).
  { key: "ratingSum", type: "integer", min: 0 },
  { key: "price60", type: "integer", min: 0 },
  { key: "price90", type: "integer", min: 0 },
  { key: "price120", type: "integer", min: 0 },
  { key: "massageTypes", type: "enum", elements: massageTypes, array: true },
  { key: "whatsapp", type: "varchar", size: 20 },
];

export const tables: TableSpec[] = [
  {
    id: TABLES.therapists,
    name: "Therapists",
    permissions: ADMIN_READ,
    // A therapist's own row carries read("user:<their user id>") so their dashboard gets realtime updates.
    rowSecurity: true,
    columns: [
      ...provider,
      { key: "userId", type: "varchar", size: 36 },
      { key: "gender", type: "enum", elements: genders, required: true },
      { key: "bio", type: "text" },
      { key: "languages", type: "enum", elements: languages, array: true },
      { key: "serviceRadiusKm", type: "float", min: 0, max: 100, default: 15 },
      { key: "acceptanceRate", type: "float", min: 0, max: 1, default: 1 },
      { key: "isOnline", type: "boolean", default: false },
      { key: "isBusy", type: "boolean", default: false },
      { key: "isRestricted", type: "boolean", default: false },
      { key: "restrictedReason", type: "varchar", size: 255 },
      { key: "missedOffersInRow", type: "integer", min: 0, default: 0 },
      { key: "lastBookingAt", type: "datetime" },
      { key: "workingHoursStart", type: "varchar", size: 5, default: "08:00" },
      { key: "workingHoursEnd", type: "varchar", size: 5, default: "22:00" },
      // booking-server's optimistic lock on the therapist: +1 whenever a booking takes or releases them (or an offer
      // is made to them); a therapist_holds row with $id <therapistId>-h<holdVersion> makes two writers collide.
      { key: "holdVersion", type: "integer", min: 0, default: 0 },
      // The immediate-booking offer the therapist is answering right now (one at a time), and its deadline.
      { key: "currentOfferId", type: "varchar", size: 36 },
      { key: "currentOfferExpiresAt", type: "datetime" },
    ],
    indexes: [
      { key: "idx_user", type: "unique", columns: ["userId"] },
      // A WhatsApp number (E.164) signs in to one therapist account only, so no two therapists may share one (finding
      // 8, issue 9). Rows without a number are not compared (NULLs are distinct in a unique index).
      { key: "idx_whatsapp", type: "unique", columns: ["whatsapp"] },
      { key: "idx_area", type: "key", columns: ["area"] },
      { key: "idx_dispatch", type: "key", columns: ["isOnline", "isBusy", "isRestricted"] },
      { key: "idx_rating", type: "key", columns: ["rating"], orders: ["desc"] },
    ],
  },
  {
    id: TABLES.places,
    name: "Places (spas)",
    permissions: ['read("any")'],
    rowSecurity: false,
    columns: [
      ...provider,
      { key: "address", type: "varchar", size: 255, required: true },
      { key: "openingHoursStart", type: "varchar", size: 5, default: "09:00" },
      { key: "openingHoursEnd", type: "varchar", size: 5, default: "21:00" },
      { key: "isRestricted", type: "boolean", default: false },
      { key: "restrictedReason", type: "varchar", size: 255 },
    ],
    indexes: [{ key: "idx_area", type: "key", columns: ["area"] }],
  },
  {
    id: TABLES.bookings,
    name: "Bookings",
    permissions: ADMIN_READ,
    // Readable by no signed-in user, only staff: a row holds the customer's contact details (name, WhatsApp, address,
    // room, exact point) and internal fields (who was offered, idempotency keys), and a therapist who accepts an offer
    // must not read those before the customer confirms them. The apps read bookings through their route handlers; a
    // browser's Realtime subscription listens to booking_updates below instead. Row security stays on so that rows
    // written before this carry their old user permissions harmlessly until the engine rewrites them (with none).
    rowSecurity: true,
    columns: [
      { key: "version", type: "integer", required: true, min: 0 },
      { key: "status", type: "enum", elements: bookingStatuses, required: true },
      { key: "source", type: "enum", elements: bookingSources, required: true },
      { key: "kind", type: "enum", elements: bookingKinds, required: true },
      { key: "customerId", type: "varchar", size: 36, required: true },
      { key: "customerName", type: "varchar", size: 128, required: true },
      { key: "customerWhatsapp", type: "varchar", size: 20, required: true },
      { key: "providerType", type: "enum", elements: providerTypes, required: true },
      { key: "therapistId", type: "varchar", size: 36 },
      { key: "placeId", type: "varchar", size: 36 },
      { key: "requestedTherapistId", type: "varchar", size: 36 },
      { key: "preferredLanguage", type: "enum", elements: languages },
      { key: "preferredTherapistGender", type: "enum", elements: genders },
      { key: "customerLocale", type: "enum", elements: locales, default: "en" },
      { key: "duration", type: "integer", required: true, min: 60, max: 120 },
      { key: "massageType", type: "varchar", size: 32 },
      { key: "price", type: "integer", required: true, min: 0 },
      { key: "discountCode", type: "varchar", size: 32 },
      { key: "discountAmount", type: "integer", min: 0, default: 0 },
      { key: "amount", type: "integer", required: true, min: 0 },
      { key: "address", type: "varchar", size: 512 },
      { key: "hotelOrVilla", type: "varchar", size: 128 },
      { key: "roomNumber", type: "varchar", size: 32 },
      { key: "lat", type: "float" },
      { key: "lng", type: "float" },
      { key: "scheduledFor", type: "datetime" },
      { key: "responseDeadline", type: "datetime" },
      { key: "attempt", type: "integer", min: 0, default: 0 },
      { key: "maxAttempts", type: "integer", min: 1, default: 5 },
      { key: "offeredTherapistIds", type: "varchar", size: 36, array: true },
      { key: "currentOfferId", type: "varchar", size: 36 },
      { key: "offerExpiresAt", type: "datetime" },
      { key: "customerDecisionDeadline", type: "datetime" },
      { key: "commissionId", type: "varchar", size: 36 },
      { key: "cancelledBy", type: "enum", elements: actorRoles },
      { key: "cancelReason", type: "enum", elements: cancelReasons },
      { key: "expiryReason", type: "enum", elements: expiryReasons },
      { key: "confirmedAt", type: "datetime" },
      { key: "completedAt", type: "datetime" },
      { key: "idempotencyKey", type: "varchar", size: 64 },
      // booking-core fingerprint of the create request, so a reused key with a different body is refused.
      { key: "idempotencyFingerprint", type: "varchar", size: 32 },
      // When the last transition happened (the engine's clock), e.g. "ended less than an hour ago".
      { key: "lastEventAt", type: "datetime" },
    ],
    indexes: [
      { key: "idx_customer", type: "key", columns: ["customerId"] },
      { key: "idx_therapist", type: "key", columns: ["therapistId"] },
      { key: "idx_status", type: "key", columns: ["status"] },
      // The sweeper's question: which searching bookings have an offer past its deadline?
      { key: "idx_offer_expiry", type: "key", columns: ["status", "offerExpiresAt"] },
      { key: "idx_idempotency", type: "unique", columns: ["customerId", "idempotencyKey"] },
      // The sweeper's other questions: customer decisions and scheduled searches past their deadline.
      { key: "idx_decision_expiry", type: "key", columns: ["status", "customerDecisionDeadline"] },
      { key: "idx_response_deadline", type: "key", columns: ["status", "responseDeadline"] },
    ],
  },
  {
    // "Booking <id> changed": one row per booking ($id = bookingId), written in the same transaction as every change
    // of the booking, readable by the customer and by the therapist holding the booking (therapist_found on). It is
    // what both apps subscribe to over Realtime (an event only means "refetch through the route"), so it carries
    // nothing a person may not see: no contact detail, no internal field.
    id: TABLES.bookingUpdates,
    name: "Booking change signals",
    permissions: ADMIN_READ,
    rowSecurity: true,
    columns: [
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "status", type: "enum", elements: bookingStatuses, required: true },
      { key: "version", type: "integer", required: true, min: 0 },
      { key: "updatedAt", type: "datetime", required: true },
    ],
    indexes: [],
  },
  {
    id: TABLES.offers,
    name: "Offers",
    permissions: ADMIN_READ,
    // Rows carry read("user:<therapist user>"): a therapist sees only offers made to them.
    rowSecurity: true,
    columns: [
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "therapistId", type: "varchar", size: 36, required: true },
      { key: "attempt", type: "integer", required: true, min: 1 },
      { key: "status", type: "enum", elements: offerStatuses, required: true },
      { key: "requiresCustomerApproval", type: "boolean", default: true },
      { key: "expiresAt", type: "datetime", required: true },
      { key: "respondedAt", type: "datetime" },
      { key: "declineReason", type: "varchar", size: 255 },
    ],
    indexes: [
      { key: "idx_booking", type: "key", columns: ["bookingId"] },
      { key: "idx_therapist_status", type: "key", columns: ["therapistId", "status"] },
      // One offer per therapist per booking, ever: the database refuses a re-offer.
      { key: "idx_booking_therapist", type: "unique", columns: ["bookingId", "therapistId"] },
    ],
  },
  {
    id: TABLES.messages,
    name: "Chat messages",
    permissions: ADMIN_READ,
    rowSecurity: true,
    columns: [
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "senderType", type: "enum", elements: senderTypes, required: true },
      { key: "senderId", type: "varchar", size: 36 },
      { key: "kind", type: "enum", elements: messageKinds, required: true },
      { key: "text", type: "text" },
      { key: "systemKey", type: "varchar", size: 64 },
      { key: "systemParams", type: "text" },
      { key: "imageFileId", type: "varchar", size: 36 },
      { key: "lat", type: "float" },
      { key: "lng", type: "float" },
      { key: "clientMessageId", type: "varchar", size: 64 },
    ],
    indexes: [
      { key: "idx_booking", type: "key", columns: ["bookingId"] },
      { key: "idx_client_message", type: "unique", columns: ["bookingId", "clientMessageId"] },
      { key: "idx_text", type: "fulltext", columns: ["text"] },
    ],
  },
  {
    id: TABLES.commissions,
    name: "Commission records",
    permissions: ADMIN_READ,
    rowSecurity: true,
    columns: [
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "providerType", type: "enum", elements: providerTypes, required: true },
      { key: "therapistId", type: "varchar", size: 36 },
      { key: "placeId", type: "varchar", size: 36 },
      { key: "amount", type: "integer", required: true, min: 0 },
      { key: "commission", type: "integer", required: true, min: 0 },
      { key: "payout", type: "integer", required: true, min: 0 },
      { key: "rateBps", type: "integer", required: true, min: 0, max: 10_000 },
      { key: "status", type: "enum", elements: commissionStatuses, required: true },
      { key: "dueAt", type: "datetime" },
      { key: "lateFee", type: "integer", min: 0, default: 0 },
      { key: "paidAt", type: "datetime" },
      { key: "proofFileId", type: "varchar", size: 36 },
    ],
    indexes: [
      { key: "idx_booking", type: "unique", columns: ["bookingId"] },
      { key: "idx_therapist", type: "key", columns: ["therapistId", "status"] },
      // The sweeper: due records past their deadline.
      { key: "idx_status_due", type: "key", columns: ["status", "dueAt"] },
    ],
  },
  {
    id: TABLES.discountCodes,
    name: "Discount codes",
    permissions: ADMIN_READ,
    rowSecurity: false,
    columns: [
      { key: "code", type: "varchar", size: 32, required: true },
      { key: "kind", type: "enum", elements: discountKinds, required: true },
      { key: "value", type: "integer", required: true, min: 1 },
      { key: "minSpend", type: "integer", min: 0, default: 0 },
      { key: "maxDiscount", type: "integer", min: 0 },
      { key: "validFrom", type: "datetime" },
      { key: "validUntil", type: "datetime" },
      { key: "usageLimit", type: "integer", min: 0 },
      { key: "usedCount", type: "integer", min: 0, default: 0 },
      { key: "perCustomerLimit", type: "integer", min: 0 },
      { key: "active", type: "boolean", default: true },
    ],
    indexes: [{ key: "idx_code", type: "unique", columns: ["code"] }],
  },
  {
    // One row per booking transition, $id = <bookingId>-v<fromVersion>: the lock that lets exactly one of two writers
    // starting from the same version commit (a duplicate $id fails the whole transaction), and the audit trail.
    id: TABLES.bookingTransitions,
    name: "Booking transitions",
    permissions: ADMIN_READ,
    rowSecurity: false,
    columns: [
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "fromVersion", type: "integer", required: true, min: 0 },
      { key: "event", type: "varchar", size: 32, required: true },
      { key: "actorRole", type: "enum", elements: actorRoles, required: true },
      { key: "actorId", type: "varchar", size: 36 },
      { key: "toStatus", type: "enum", elements: bookingStatuses, required: true },
      { key: "at", type: "datetime", required: true },
    ],
    indexes: [{ key: "idx_booking", type: "key", columns: ["bookingId", "fromVersion"] }],
  },
  {
    // The same lock for a therapist: $id = <therapistId>-h<holdVersion>, written whenever a booking takes, releases or
    // offers the therapist, so one therapist cannot be given two bookings (or two offers) by concurrent writers.
    id: TABLES.therapistHolds,
    name: "Therapist holds",
    permissions: ADMIN_READ,
    rowSecurity: false,
    columns: [
      { key: "therapistId", type: "varchar", size: 36, required: true },
      { key: "holdVersion", type: "integer", required: true, min: 0 },
      { key: "bookingId", type: "varchar", size: 36 },
      { key: "reason", type: "varchar", size: 32, required: true },
      { key: "at", type: "datetime", required: true },
    ],
    indexes: [{ key: "idx_therapist", type: "key", columns: ["therapistId", "holdVersion"] }],
  },
  {
    // The same lock for a customer's new bookings: $id = <customerId>-c<sequence>, sequence = 1 + the customer's last
    // one. Two creates that read the same last sequence collide, so the "one booking under way, at most three
    // scheduled" check (booking-core booking-limits) is always made on the customer's bookings as they are. Nothing
    // is released: the check reads the bookings themselves, so a booking that ends frees the customer by itself.
    id: TABLES.customerHolds,
    name: "Customer booking locks",
    permissions: ADMIN_READ,
    rowSecurity: false,
    columns: [
      { key: "customerId", type: "varchar", size: 36, required: true },
      { key: "sequence", type: "integer", required: true, min: 1 },
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "at", type: "datetime", required: true },
    ],
    indexes: [{ key: "idx_customer", type: "key", columns: ["customerId", "sequence"], orders: ["asc", "desc"] }],
  },
  {
    // A customer's rating of a completed booking: $id = bookingId, so a booking is rated once (a second create is a
    // duplicate $id). Rows carry read("user:<customer>") and read("user:<therapist user>").
    id: TABLES.ratings,
    name: "Ratings",
    permissions: ADMIN_READ,
    rowSecurity: true,
    columns: [
      { key: "bookingId", type: "varchar", size: 36, required: true },
      { key: "providerType", type: "enum", elements: providerTypes, required: true },
      { key: "therapistId", type: "varchar", size: 36 },
      { key: "placeId", type: "varchar", size: 36 },
      { key: "customerId", type: "varchar", size: 36, required: true },
      { key: "stars", type: "integer", required: true, min: 1, max: 5 },
      { key: "comment", type: "varchar", size: MAX_RATING_COMMENT_LENGTH },
      // The engine's clock when the rating was made (Appwrite's $createdAt is left to Appwrite).
      { key: "createdAt", type: "datetime", required: true },
      // The provider's ratingCount this rating was counted on. Unique per provider (indexes below): two ratings of
      // one provider decided on the same count cannot both commit, so the running average never loses one.
      { key: "providerSequence", type: "integer", required: true, min: 0 },
    ],
    indexes: [
      { key: "idx_therapist", type: "key", columns: ["therapistId", "createdAt"], orders: ["asc", "desc"] },
      { key: "idx_place", type: "key", columns: ["placeId", "createdAt"], orders: ["asc", "desc"] },
      { key: "idx_created", type: "key", columns: ["createdAt"], orders: ["desc"] },
      { key: "idx_therapist_sequence", type: "unique", columns: ["therapistId", "providerSequence"] },
      { key: "idx_place_sequence", type: "unique", columns: ["placeId", "providerSequence"] },
    ],
  },
  {
    // A browser that allowed notifications: $id = a hash of its endpoint, so subscribing again replaces the row.
    // Server-only (no browser credential reads it): the keys let anyone push to that browser.
    id: TABLES.pushSubscriptions,
    name: "Web Push subscriptions",
    permissions: [],
    rowSecurity: false,
    columns: [
      // The Appwrite user: a therapist's account or a customer's guest user.
      { key: "userId", type: "varchar", size: 36, required: true },
      { key: "app", type: "enum", elements: pushApps, required: true },
      { key: "endpoint", type: "varchar", size: 2048, required: true },
      { key: "p256dh", type: "varchar", size: 128, required: true },
      { key: "auth", type: "varchar", size: 64, required: true },
      { key: "locale", type: "enum", elements: locales, default: "en" },
      { key: "createdAt", type: "datetime", required: true },
    ],
    indexes: [{ key: "idx_user", type: "key", columns: ["userId", "app"] }],
  },
  {
    // One row per notification and device: who, what, how, and how far it got (booking-core schemas/push). $id is
    // random (32 hex chars) and doubles as the capability the service worker reports delivery and clicks with.
    id: TABLES.notifications,
    name: "Notifications",
    permissions: ADMIN_READ,
    rowSecurity: false,
    columns: [
      { key: "userId", type: "varchar", size: 36, required: true },
      { key: "app", type: "enum", elements: pushApps, required: true },
      // The notification key (booking-core system-messages), e.g. new_offer.
      { key: "kind", type: "varchar", size: 32, required: true },
      { key: "channel", type: "enum", elements: notificationChannels, required: true },
      // push: the push_subscriptions row (the device); whatsapp: the literal "whatsapp".
      { key: "subscriptionId", type: "varchar", size: 36, required: true },
      // whatsapp: the E.164 number it goes to (staff-only table, like the bookings that hold the same number).
      { key: "recipientPhone", type: "varchar", size: 20 },
      // The language the payload is written in (and a WhatsApp template's language).
      { key: "locale", type: "enum", elements: locales, default: "en" },
      { key: "bookingId", type: "varchar", size: 36 },
      { key: "status", type: "enum", elements: notificationStatuses, required: true },
      { key: "attempts", type: "integer", min: 0, default: 0 },
      // When the retry job should try a pending row again; null once it left pending.
      { key: "nextAttemptAt", type: "datetime" },
      { key: "lastError", type: "varchar", size: 512 },
      // The JSON the service worker shows (title, body, url, tag, requireInteraction).
      { key: "payload", type: "text", required: true },
      { key: "createdAt", type: "datetime", required: true },
      { key: "updatedAt", type: "datetime", required: true },
    ],
    indexes: [
      // The retry job: pending rows whose next attempt is due.
      { key: "idx_status_next", type: "key", columns: ["status", "nextAttemptAt"] },
      // The health monitor's delivery rate: rows of a period by status.
      { key: "idx_created", type: "key", columns: ["createdAt"] },
    ],
  },
  {
    id: TABLES.rateLimits,
    name: "Rate limit state",
    permissions: [],
    rowSecurity: false,
    columns: [
      { key: "state", type: "text", required: true },
      // Fixed-window attempt counters (booking-core attemptLimits) move this with Appwrite's atomic increment bounded
      // by the limit, so concurrent attempts cannot pass it (finding 5, issue 9).
      { key: "count", type: "integer", min: 0, default: 0 },
    ],
    indexes: [],
  },
  {
    // One row per backup or restore run of booking-server/src/backups (the scheduled daily export, `pnpm db:backup`,
    // `pnpm db:restore`): what ran, when, how big, what it held, how it ended. Staff-only like the other logs.
    id: TABLES.backupRuns,
    name: "Backup runs",
    permissions: ADMIN_READ,
    rowSecurity: false,
    columns: [
      { key: "kind", type: "enum", elements: ["backup", "restore"], required: true },
      { key: "trigger", type: "enum", elements: ["scheduled", "manual"], required: true },
      { key: "startedAt", type: "datetime", required: true },
      { key: "finishedAt", type: "datetime" },
      { key: "outcome", type: "enum", elements: ["running", "succeeded", "failed"], required: true },
      // The export file in the backups bucket (a backup's own, or the one a restore read).
      { key: "fileId", type: "varchar", size: 36 },
      { key: "sizeBytes", type: "integer", min: 0 },
      // JSON: rows per table and files per bucket, as in the export's manifest.
      { key: "counts", type: "text" },
      { key: "error", type: "text" },
      // A restore's progress (JSON: rows done per table, files done), so a crashed restore resumes where it stopped.
      { key: "checkpoint", type: "text" },
    ],
    indexes: [{ key: "idx_started", type: "key", columns: ["startedAt"], orders: ["desc"] }],
  },
  {
    // One row per worker process (packages/worker): its lease on a share of the due items and what /api/health
    // reports. A row not renewed within the lease is a dead worker; the others take its share over.
    id: TABLES.workerHeartbeats,
    name: "Worker heartbeats",
    permissions: [],
    rowSecurity: false,
    columns: [
      { key: "startedAt", type: "datetime", required: true },
      { key: "lastRunAt", type: "datetime", required: true },
      { key: "leaseExpiresAt", type: "datetime", required: true },
      // How far behind the oldest due deadline the worker was at its last pass (0 when nothing was overdue).
      { key: "lagMs", type: "integer", min: 0, default: 0 },
      { key: "jobsDone", type: "integer", min: 0, default: 0 },
      { key: "jobsFailed", type: "integer", min: 0, default: 0 },
      { key: "lastError", type: "varchar", size: 500 },
    ],
    indexes: [{ key: "idx_lease", type: "key", columns: ["leaseExpiresAt"] }],
  },
];

export const buckets: BucketSpec[] = [
  {
    id: BUCKETS.therapistPhotos,
    name: "Therapist and spa photos",
    permissions: ['read("any")'],
    fileSecurity: false,
    maximumFileSize: 5 * 1024 * 1024,
    allowedFileExtensions: ["jpg", "jpeg", "png", "webp", "svg"],
  },
  {
    id: BUCKETS.chatImages,
    name: "Chat images",
    permissions: ADMIN_READ,
    fileSecurity: true,
    maximumFileSize: 10 * 1024 * 1024,
    allowedFileExtensions: ["jpg", "jpeg", "png", "webp", "heic"],
  },
  {
    id: BUCKETS.paymentProofs,
    name: "Commission payment proofs",
    permissions: ADMIN_READ,
    fileSecurity: true,
    maximumFileSize: 10 * 1024 * 1024,
    allowedFileExtensions: ["jpg", "jpeg", "png", "webp", "pdf"],
  },
  {
    // Portable exports (booking-server/src/backups): no permissions at all, so only the API key can read or write
    // them; they hold every customer's data.
    id: BUCKETS.backups,
    name: "Database exports",
    permissions: [],
    fileSecurity: false,
    maximumFileSize: 5_000_000_000,
    allowedFileExtensions: ["gz"],
  },
];
