import "server-only";
// The heart of the package: one booking change = read the booking (version v) → booking-core decides
// (transition or openBooking) → ONE Appwrite transaction that
//   1. creates the lock row booking_transitions/<bookingId>-v<v> (also the audit trail),
//   2. writes the booking at version v + 1,
//   3. carries out every effect that is a row write (offers, system messages, commission, therapist flags),
//   4. for every therapist the change takes, releases, offers or updates: creates therapist_holds/<id>-h<n> and
//      moves the therapist's holdVersion to n + 1.
// Two writers starting from the same booking version (or the same therapist holdVersion) create the same lock $id;
// Appwrite fails the second commit as a whole with 409, so exactly one of them happened. The loser re-reads and
// re-decides (changeBooking below). Nothing here decides a rule: every rule is booking-core's.
import { voidCommission, markCommissionDue } from "@tenang/booking-core/commission";
import { therapistReadsChat } from "@tenang/booking-core/contact-visibility";
import { afterMissedOffer } from "@tenang/booking-core/dispatch";
import type { Effect } from "@tenang/booking-core/effects";
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import { type Actor, type BookingEvent } from "@tenang/booking-core/lifecycle/events";
import { transition } from "@tenang/booking-core/lifecycle/transitions";
import type { ActorRole, Booking } from "@tenang/booking-core/schemas/booking";
import { ID } from "node-appwrite";
import { commitWriteSet, type CommitResult, WriteSet } from "../appwrite/write-set";
import { findCommission, commissionRowData } from "../commissions/commission-repository";
import type { BookingServerContext } from "../context";
import { losesChatTherapist, withdrawChatFromTherapist } from "../messages/chat-readers";
import { systemMessageRowData } from "../messages/message-repository";
import { offerRowData } from "../offers/offer-repository";
import {
  bookingPermissions,
  bookingUpdatePermissions,
  commissionPermissions,
  messagePermissions,
  offerPermissions,
} from "../shared/permissions";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { bookingTransitionId } from "../tables";
import { stageTherapistHolds } from "../therapists/therapist-holds";
import { TherapistCache } from "../therapists/therapist-repository";
import { type StoredBooking, bookingRowData, requireBooking } from "../shared/booking-repository";
import { MAX_RACE_ATTEMPTS, waitAfterLostRace } from "../shared/lost-race";

export function actorIdOf(actor: Actor): string | null {
  switch (actor.role) {
    case "customer":
      return actor.customerId;
    case "therapist":
      return actor.therapistId;
    case "place":
      return actor.placeId;
    case "admin":
      return actor.adminId;
    case "system":
      return null;
  }
}

export interface PlannedChange {
  /** The booking as read (null when the change creates it). */
  before: StoredBooking | null;
  after: Booking;
  effects: readonly Effect[];
  event: { type: string; actorRole: ActorRole; actorId: string | null };
  now: Date;
  therapists: TherapistCache;
  /** createBooking (create-booking.ts): the discount code row to count the redemption on. */
  discount?: { rowId: string; usageLimit: number | null };
  /** Extra columns for the booking row (createBooking's idempotency fingerprint). */
  extraBookingData?: Record<string, unknown>;
}

type Patch = Record<string, unknown>;

/** Turns a decided change into its writes. Reads only what an effect needs (therapist and commission rows). */
export async function planBookingWrites(ctx: BookingServerContext, change: PlannedChange): Promise<WriteSet> {
  const { before, after, now, therapists } = change;
  const at = now.toISOString();
  const set = new WriteSet();
  const fromVersion = before?.booking.version ?? 0;

  set.create(TABLES.bookingTransitions, bookingTransitionId(after.id, fromVersion), {
    bookingId: after.id,
    fromVersion,
    event: change.event.type,
    actorRole: change.event.actorRole,
    actorId: change.event.actorId,
    toStatus: after.status,
    at,
  });

  const userIdOf = async (therapistId: string | null): Promise<string | null> =>
    therapistId === null ? null : (await therapists.get(therapistId)).therapist.userId;

  const rowData = { ...bookingRowData(after), lastEventAt: at, ...change.extraBookingData };
  // The booking row is staff-only (permissions.ts); rewriting its permissions on every change also strips the user
  // reads that rows written before that rule still carry, at no extra request.
  if (before === null) set.create(TABLES.bookings, after.id, rowData, bookingPermissions());
  else set.update(TABLES.bookings, after.id, rowData, bookingPermissions());
  // The change signal the browsers subscribe to, with its readers as of this change: the therapist who stops holding
  // the booking (find another, reassignment, expiry) stops hearing about it. An upsert, so bookings older than the
  // signal table get theirs on their next change.
  set.upsert(
    TABLES.bookingUpdates,
    after.id,
    { bookingId: after.id, status: after.status, version: after.version, updatedAt: at },
    bookingUpdatePermissions(after.customerId, await userIdOf(after.therapistId)),
  );

  // Therapist rows: patches merged per therapist, written once with the lock below.
  const patches = new Map<string, Patch>();
  const patch = (therapistId: string, data: Patch = {}): void => {
    patches.set(therapistId, { ...patches.get(therapistId), ...data });
  };
  // A status change of a booking with a therapist (taken, confirmed, under way, released, ended) locks that therapist
  // even without a row change: that is what keeps one therapist from being given two overlapping bookings by
  // concurrent writers, since booking-core's overlap check reads the therapist's other bookings before the write.
  if (before === null || before.booking.status !== after.status || before.booking.therapistId !== after.therapistId) {
    for (const id of [before?.booking.therapistId, after.therapistId]) if (id) patch(id);
  }

  const messageReaders = therapistReadsChat(after) ? await userIdOf(after.therapistId) : null;

  for (const effect of change.effects) {
    switch (effect.type) {
      case "create_offer": {
        const { offer } = effect;
        set.create(TABLES.offers, offer.id, offerRowData(offer), offerPermissions(await userIdOf(offer.therapistId)));
        // An immediate offer occupies the therapist's one offer slot until it closes or runs out.
        patch(
          offer.therapistId,
          after.kind === "immediate" ? { currentOfferId: offer.id, currentOfferExpiresAt: offer.expiresAt } : {},
        );
        break;
      }
      case "close_offer": {
        const answered = effect.status === "accepted" || effect.status === "declined";
        set.update(TABLES.offers, effect.offerId, {
          status: effect.status,
          respondedAt: answered ? effect.at : null,
          declineReason: effect.declineReason,
        });
        const snapshot = await therapists.get(effect.therapistId);
        patch(
          effect.therapistId,
          snapshot.currentOfferId === effect.offerId ? { currentOfferId: null, currentOfferExpiresAt: null } : {},
        );
        break;
      }
      case "post_system_message":
        set.create(
          TABLES.messages,
          ID.unique(),
          systemMessageRowData(effect.bookingId, effect.message),
          messagePermissions(after.customerId, messageReaders),
        );
        break;
      case "create_commission_record": {
        const { record } = effect;
        // Upsert: a booking support reassigned after confirmation replaces its void record (effects.ts).
        set.upsert(
          TABLES.commissions,
          record.id,
          commissionRowData(record),
          commissionPermissions(await userIdOf(record.therapistId)),
        );
        break;
      }
      case "commission_due": {
        const record = await findCommission(ctx, effect.commissionId);
        const due = record ? markCommissionDue(record, now) : null;
        if (due && !isDomainError(due))
          set.update(TABLES.commissions, effect.commissionId, { status: "due", dueAt: effect.dueAt });
        break;
      }
      case "void_commission_record": {
        const record = await findCommission(ctx, effect.commissionId);
        const voided = record ? voidCommission(record, now) : null;
        if (voided && !isDomainError(voided)) set.update(TABLES.commissions, effect.commissionId, { status: "void" });
        break;
      }
      case "set_therapist_busy":
        patch(effect.therapistId, { isBusy: true });
        break;
      case "set_therapist_available":
        patch(effect.therapistId, {
          isBusy: false,
          ...(effect.lastBookingAt !== null ? { lastBookingAt: effect.lastBookingAt } : {}),
        });
        break;
      case "record_missed_offer": {
        const snapshot = await therapists.get(effect.therapistId);
        const pending = patches.get(effect.therapistId) ?? {};
        const next = afterMissedOffer(
          {
            missedOffersInRow:
              (pending.missedOffersInRow as number | undefined) ?? snapshot.therapist.missedOffersInRow,
            isOnline: (pending.isOnline as boolean | undefined) ?? snapshot.therapist.isOnline,
          },
          ctx.lifecycle.dispatch,
        );
        patch(effect.therapistId, { missedOffersInRow: next.missedOffersInRow, isOnline: next.isOnline });
        break;
      }
      case "reset_missed_offers":
        patch(effect.therapistId, { missedOffersInRow: 0 });
        break;
      case "restrict_provider":
        if (effect.provider.providerType === "therapist")
          patch(effect.provider.therapistId, { isRestricted: true, restrictedReason: effect.reason });
        else
          set.update(TABLES.places, effect.provider.placeId, { isRestricted: true, restrictedReason: effect.reason });
        break;
      case "lift_restriction":
        if (effect.provider.providerType === "therapist")
          patch(effect.provider.therapistId, { isRestricted: false, restrictedReason: null });
        else set.update(TABLES.places, effect.provider.placeId, { isRestricted: false, restrictedReason: null });
        break;
      case "redeem_discount_code":
        // The usage limit is enforced atomically by the increment's max (a full code fails the whole transaction).
        if (change.discount)
          set.increment(
            TABLES.discountCodes,
            change.discount.rowId,
            "usedCount",
            1,
            change.discount.usageLimit ?? undefined,
          );
        break;
      case "notify":
        // Delivered by Realtime: every row above carries read permissions for exactly the people concerned.
        break;
      case "schedule_check":
        // The sweeper finds every deadline through indexed queries on the booking row, so nothing is scheduled.
        break;
    }
  }

  await stageTherapistHolds(set, therapists, patches, { bookingId: after.id, reason: change.event.type, at });
  return set;
}

export interface ChangeBookingOptions {
  bookingId: string;
  /** A snapshot already read (the sweeper's list); otherwise the booking is read first. */
  initial?: StoredBooking;
  /** Checks run on every read of the booking before anything else (e.g. "is it this customer's?"). */
  guard?: (stored: StoredBooking) => void;
  /** Builds the event for this read of the booking, loading what it needs (candidates, commitments) into the cache. */
  buildEvent: (stored: StoredBooking, therapists: TherapistCache) => Promise<BookingEvent>;
  /**
   * When another writer moved the booking first: "fail" answers version_conflict (a person acted on a screen that is
   * now stale); "retry" re-reads and re-decides (booking-core then says what the new state allows).
   */
  onMoved: "fail" | "retry";
  maxAttempts?: number;
}

export interface ChangeBookingResult {
  booking: Booking;
  effects: readonly Effect[];
  therapists: TherapistCache;
}

/**
 * Applies one event to a booking with the lock protocol above. A lost race on a therapist lock alone (the booking
 * did not move) is retried with fresh reads; a lost race on the booking follows `onMoved`.
 */
export async function changeBooking(
  ctx: BookingServerContext,
  options: ChangeBookingOptions,
): Promise<ChangeBookingResult> {
  const maxAttempts = options.maxAttempts ?? MAX_RACE_ATTEMPTS;
  let stored = options.initial ?? (await requireBooking(ctx, options.bookingId));
  for (let attempt = 1; ; attempt += 1) {
    options.guard?.(stored);
    const therapists = new TherapistCache(ctx);
    const event = await options.buildEvent(stored, therapists);
    const now = ctx.clock();
    const result = transition(stored.booking, event, now, ctx.lifecycle);
    if (isDomainError(result)) throw result;
    const set = await planBookingWrites(ctx, {
      before: stored,
      after: result.booking,
      effects: result.effects,
      event: { type: event.type, actorRole: event.actor.role, actorId: actorIdOf(event.actor) },
      now,
      therapists,
    });
    const outcome: CommitResult = await commitWriteSet(ctx, set);
    if (outcome.ok) {
      if (losesChatTherapist(stored.booking, result.booking)) {
        await withdrawChatFromTherapist(ctx, result.booking).catch((error: unknown) => {
          console.warn(`[chat-readers] could not withdraw the therapist from booking ${result.booking.id}`, error);
        });
      }
      return { booking: result.booking, effects: result.effects, therapists };
    }
    if (outcome.reason === "limit_exceeded") throw new DomainError("service_unavailable", "a counter limit was hit");
    // Read again after a short, jittered wait (shared/lost-race.ts): the winner has committed by then.
    if (attempt < maxAttempts) await waitAfterLostRace(attempt);
    const fresh = await requireBooking(ctx, options.bookingId);
    const moved = fresh.booking.version !== stored.booking.version;
    if (moved && options.onMoved === "fail") {
      throw new DomainError("version_conflict", "the booking changed in the meantime", {
        details: { currentVersion: fresh.booking.version },
      });
    }
    if (attempt >= maxAttempts) {
      throw new DomainError("version_conflict", "too many concurrent changes, try again", {
        details: { currentVersion: fresh.booking.version },
      });
    }
    stored = fresh;
  }
}
