import "server-only";
// Create a booking: idempotent per (customer, Idempotency-Key), rate limited (5 per customer per hour), one booking
// under way per customer (at most three scheduled ones; booking-core booking-limits), discount applied, first offer
// made — all in one transaction with the booking row and the customer's creation lock (customer-holds.ts), so a
// retry, a double click, two tabs or a crash never leave half a booking or two at once. The rules (price, slot,
// discount, who is offered) are booking-core's openBooking.
import { bookingLimitProblem } from "@tenang/booking-core/booking-limits";
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import { fingerprint, idempotencyKeySchema } from "@tenang/booking-core/idempotency";
import { openBooking } from "@tenang/booking-core/lifecycle/open-booking";
import type { CreateBookingInput } from "@tenang/booking-core/schemas/booking";
import { ID } from "node-appwrite";
import { commitWriteSet } from "../appwrite/write-set";
import type { BookingServerContext } from "../context";
import { stageRateLimit, takeRateLimit } from "../shared/rate-limit-repository";
import { TherapistCache } from "../therapists/therapist-repository";
import type { CustomerBookingView } from "../views";
import { planBookingWrites } from "./booking-engine";
import {
  type StoredBooking,
  countCustomerRedemptions,
  findBookingByIdempotencyKey,
  listOpenCustomerBookings,
} from "../shared/booking-repository";
import { nextCustomerHold, stageCustomerHold } from "./customer-holds";
import { customerViewFor } from "./customer-view";
import { loadDispatchInputs } from "./dispatch-inputs";
import { findDiscountCode, loadRequestedProvider } from "./provider-repository";
import { MAX_RACE_ATTEMPTS, waitAfterLostRace } from "../shared/lost-race";

export interface CreateBookingArgs {
  /** The Appwrite user (a guest's anonymous user included), from the session. */
  customerId: string;
  /** booking-core createBookingInputSchema's output. */
  input: CreateBookingInput;
  /** One per user intent (the Idempotency-Key header); retries of that intent send the same key. */
  idempotencyKey: string;
}

export async function createBooking(ctx: BookingServerContext, args: CreateBookingArgs): Promise<CustomerBookingView> {
  const { customerId, input, idempotencyKey } = args;
  if (!idempotencyKeySchema.safeParse(idempotencyKey).success) {
    throw new DomainError("validation_failed", "Idempotency-Key must be 16–64 of A–Z a–z 0–9 _ -", {
      issues: [{ path: "idempotencyKey", message: "invalid idempotency key" }],
    });
  }
  const print = fingerprint(input);
  const replay = async (stored: StoredBooking): Promise<CustomerBookingView> => {
    if (stored.idempotencyFingerprint !== null && stored.idempotencyFingerprint !== print) {
      throw new DomainError("idempotency_mismatch", "this idempotency key was used for a different booking");
    }
    return customerViewFor(ctx, stored.booking);
  };

  const existing = await findBookingByIdempotencyKey(ctx, customerId, idempotencyKey);
  if (existing) return replay(existing);

  const now = ctx.clock();
  const discountRow = input.discountCode === null ? null : await findDiscountCode(ctx, input.discountCode);
  const discount =
    discountRow === null
      ? null
      : {
          code: discountRow.code,
          customerRedemptions: await countCustomerRedemptions(ctx, customerId, discountRow.code.code),
        };

  for (let attempt = 1; attempt <= MAX_RACE_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await waitAfterLostRace(attempt - 1);
    // Read again on every attempt: a retry follows a conflict, so the rows it lost on have changed (the allowance
    // too: a grant read before a concurrent request of this customer would lose again at every commit).
    const grant = await takeRateLimit(ctx, "createBooking", customerId, now);
    // The customer's lock first, their open bookings second (customer-holds.ts says why the order matters).
    const hold = await nextCustomerHold(ctx, customerId);
    const limit = bookingLimitProblem(await listOpenCustomerBookings(ctx, customerId), input.kind, ctx.lifecycle);
    if (limit) {
      // The booking in the way may be this very request, committed by a concurrent retry since the first look.
      const same = await findBookingByIdempotencyKey(ctx, customerId, idempotencyKey);
      if (same) return replay(same);
      throw limit;
    }
    const requested = await loadRequestedProvider(ctx, input);
    const therapists = new TherapistCache(ctx);
    if (requested.therapist) therapists.add([requested.therapist]);
    const { candidates, commitments } =
      input.providerType === "therapist"
        ? await loadDispatchInputs(ctx, { kind: input.kind, offeredTherapistIds: [] }, now, therapists)
        : { candidates: [], commitments: {} };
    const result = openBooking({
      id: ID.unique(),
      customerId,
      input,
      provider: requested.provider,
      discount,
      candidates,
      commitments,
      idempotencyKey,
      now,
      config: ctx.lifecycle,
    });
    if (isDomainError(result)) throw result;

    const set = await planBookingWrites(ctx, {
      before: null,
      after: result.booking,
      effects: result.effects,
      event: { type: "create", actorRole: "customer", actorId: customerId },
      now,
      therapists,
      discount: discountRow ? { rowId: discountRow.rowId, usageLimit: discountRow.code.usageLimit } : undefined,
      extraBookingData: { idempotencyFingerprint: print },
    });
    stageRateLimit(set, grant);
    stageCustomerHold(set, hold, result.booking.id, now);
    const outcome = await commitWriteSet(ctx, set);
    if (outcome.ok) return customerViewFor(ctx, result.booking, therapists);
    if (outcome.reason === "limit_exceeded") {
      throw new DomainError("discount_invalid", "this discount code has been used up", {
        details: { problem: "usage_limit" },
      });
    }
    // A conflict: either the same request won a moment earlier (the unique customerId + idempotencyKey index), or
    // another booking of this customer took the lock (the next read of their bookings decides), or a therapist we
    // offered was taken by someone else; then decide again with fresh rows.
    const winner = await findBookingByIdempotencyKey(ctx, customerId, idempotencyKey);
    if (winner) return replay(winner);
  }
  throw new DomainError("service_unavailable", "too many concurrent bookings, try again", { retryAfterMs: 1000 });
}
