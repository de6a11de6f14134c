// What the pure core asks the outside world to do. A transition returns these as data; a route handler (or a
// background sweeper) carries them out in order, and a simulator can replay them. Every effect names ids that the
// core derived deterministically (offer ids, commission ids), so carrying one out twice collides instead of
// duplicating.
import type { CommissionRecord } from "./schemas/commission";
import type { DeclineReason, Offer } from "./schemas/offer";
import type { Notification, SystemMessage } from "./system-messages";

export type Recipient =
  | { role: "customer"; customerId: string }
  | { role: "therapist"; therapistId: string }
  | { role: "place"; placeId: string };

export type ProviderRef =
  { providerType: "therapist"; therapistId: string } | { providerType: "place"; placeId: string };

/** Which deadline a scheduled check is for; the sweeper turns it into the matching event at `at`. */
export type DeadlineCheck =
  { kind: "offer_timeout"; offerId: string } | { kind: "decision_timeout" } | { kind: "response_deadline" };

export type Effect =
  /** Create the offer row: "offer therapist X until T". */
  | { type: "create_offer"; offer: Offer }
  /** Close an offer: accepted, declined, expired, or withdrawn (cancel, reassignment). */
  | {
      type: "close_offer";
      offerId: string;
      therapistId: string;
      status: "accepted" | "declined" | "expired" | "withdrawn";
      at: string;
      declineReason: DeclineReason | null;
    }
  | { type: "post_system_message"; bookingId: string; message: SystemMessage }
  | { type: "notify"; to: Recipient; bookingId: string | null; notification: Notification }
  /**
   * Store the booking's commission record (id = booking id, one per booking). A booking that support reassigned after
   * confirmation is confirmed again later: then this replaces its `void` record rather than adding a second one.
   */
  | { type: "create_commission_record"; record: CommissionRecord }
  /** The session was completed: the record becomes due at `dueAt`. */
  | { type: "commission_due"; commissionId: string; dueAt: string }
  /** The booking was cancelled before completion: the record no longer counts. */
  | { type: "void_commission_record"; commissionId: string }
  | { type: "set_therapist_busy"; therapistId: string; bookingId: string }
  /** Free again; `lastBookingAt` is set when a session was completed (it feeds dispatch's idle-time fairness). */
  | { type: "set_therapist_available"; therapistId: string; lastBookingAt: string | null }
  | { type: "record_missed_offer"; therapistId: string }
  | { type: "reset_missed_offers"; therapistId: string }
  | { type: "restrict_provider"; provider: ProviderRef; reason: string }
  | { type: "lift_restriction"; provider: ProviderRef }
  | { type: "redeem_discount_code"; code: string; customerId: string; bookingId: string }
  /** Make sure something looks at this booking at `at`, even if every browser is closed. */
  | { type: "schedule_check"; bookingId: string; at: string; check: DeadlineCheck };

export type EffectType = Effect["type"];

/** The person to notify about a provider. */
export function recipientFor(provider: ProviderRef): Recipient {
  return provider.providerType === "place"
    ? { role: "place", placeId: provider.placeId }
    : { role: "therapist", therapistId: provider.therapistId };
}
