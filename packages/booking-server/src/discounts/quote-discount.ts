import "server-only";
// What a discount code would take off a booking before it is made (the booking form's "Apply" button). The same reads
// and rules as booking creation (the code row, this customer's redemptions, booking-core applyDiscount: validity
// window, usage limits, minimum spend), which checks the code again in its own transaction; this only lets the guest
// see the price, or why a code is refused (booking-core's DiscountProblem in `details.problem`), first.
// Tries are rate limited per guest (booking-core's checkDiscountCode rule): guessing codes is the abuse, so every
// try counts, also one that is refused.
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import { applyDiscount, discountRefusal } from "@tenang/booking-core/discount";
import { priceFor } from "@tenang/booking-core/prices";
import type { DiscountQuoteInput } from "@tenang/booking-core/schemas/discount-code";
import { commitWriteSet, WriteSet } from "../appwrite/write-set";
import { countCustomerRedemptions } from "../shared/booking-repository";
import { findDiscountCode } from "../bookings/provider-repository";
import { findPlace } from "../places/place-repository";
import type { BookingServerContext } from "../context";
import { stageRateLimit, takeRateLimit } from "../shared/rate-limit-repository";
import { findTherapist } from "../therapists/therapist-repository";

export interface DiscountQuote {
  code: string;
  price: number;
  discountAmount: number;
  amount: number;
}

/** The list price the code would apply to: the spa's or therapist's for the duration, else the standard price. */
async function listPriceFor(ctx: BookingServerContext, input: DiscountQuoteInput): Promise<number | null> {
  if (input.placeId !== null) {
    const place = await findPlace(ctx, input.placeId);
    if (!place) throw new DomainError("not_found", `no spa ${input.placeId}`);
    return priceFor(place, input.duration);
  }
  if (input.therapistId !== null) {
    const snapshot = await findTherapist(ctx, input.therapistId);
    if (!snapshot) throw new DomainError("not_found", `no therapist ${input.therapistId}`);
    return priceFor(snapshot.therapist, input.duration);
  }
  return ctx.lifecycle.standardPrices[input.duration];
}

export async function quoteDiscount(
  ctx: BookingServerContext,
  args: { customerId: string; input: DiscountQuoteInput },
): Promise<DiscountQuote> {
  const { customerId, input } = args;
  const now = ctx.clock();
  const grant = await takeRateLimit(ctx, "checkDiscountCode", customerId, now);
  const spent = new WriteSet();
  stageRateLimit(spent, grant);
  await commitWriteSet(ctx, spent);
  const loaded = await findDiscountCode(ctx, input.code);
  if (!loaded) throw discountRefusal(input.code, "not_found");
  const price = await listPriceFor(ctx, input);
  if (price === null) throw new DomainError("validation_failed", `duration ${input.duration} not offered`);
  const result = applyDiscount(loaded.code, {
    price,
    now,
    customerRedemptions: await countCustomerRedemptions(ctx, customerId, loaded.code.code),
  });
  if (isDomainError(result)) throw result;
  return { code: loaded.code.code, ...result };
}
