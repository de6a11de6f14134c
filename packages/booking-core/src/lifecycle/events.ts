// What may happen to a booking (the events transition() applies), who does it, and what a change returns.
import type { CommitmentsByTherapist } from "../dispatch";
import type { Effect } from "../effects";
import type { Commitment } from "../schedule";
import type { Booking, CancelReason } from "../schemas/booking";
import type { DeclineReason } from "../schemas/offer";
import type { Therapist } from "../schemas/therapist";

/** Who is acting. Route handlers build this from the session, never from the request body. */
export type Actor =
  | { role: "customer"; customerId: string }
  | { role: "therapist"; therapistId: string }
  | { role: "place"; placeId: string }
  | { role: "admin"; adminId: string }
  | { role: "system" };

interface EventBase {
  /** The booking version this event was computed from. */
  expectedVersion: number;
  actor: Actor;
}

/** The therapists who could take the next offer (the caller's snapshot), and their other bookings. */
export interface NextOfferInputs {
  candidates: readonly Therapist[];
  commitments?: CommitmentsByTherapist;
}

export type BookingEvent =
  /** The offered therapist (offerId) or the booked spa (offerId null) accepts. `commitments`: their other bookings. */
  | (EventBase & { type: "accept_offer"; offerId: string | null; commitments: readonly Commitment[] })
  | (EventBase & NextOfferInputs & { type: "decline_offer"; offerId: string | null; reason: DeclineReason | null })
  | (EventBase & NextOfferInputs & { type: "offer_timed_out"; offerId: string })
  /** The customer accepts the therapist shown in therapist_found. */
  | (EventBase & { type: "accept_therapist"; commitments: readonly Commitment[] })
  | (EventBase & NextOfferInputs & { type: "find_another" })
  | (EventBase & { type: "decision_timed_out" })
  | (EventBase & { type: "response_deadline_passed" })
  /** Support assigns a therapist the customer agreed to. */
  | (EventBase & { type: "reassign"; therapistId: string })
  | (EventBase & { type: "depart"; etaMinutes: number | null })
  | (EventBase & { type: "report_delay"; delayMinutes: number })
  | (EventBase & { type: "arrive" })
  | (EventBase & { type: "start" })
  | (EventBase & { type: "complete" })
  | (EventBase & { type: "cancel"; reason: CancelReason });

export type BookingEventType = BookingEvent["type"];

export interface TransitionResult {
  booking: Booking;
  effects: Effect[];
}
