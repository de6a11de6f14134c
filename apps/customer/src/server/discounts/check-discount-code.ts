import "server-only";
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import { applyDiscount, normalizeDiscountCode, priceFor, type Duration } from "@tenang/booking-core/money";
import { countCustomerRedemptions } from "@tenang/booking-server/bookings/booking-repository";
import { findDiscountCode } from "@tenang/booking-server/bookings/provider-repository";
import { commitWriteSet, WriteSet } from "@tenang/booking-server/appwrite/write-set";
import { stageRateLimit, takeRateLimit } from "@tenang/booking-server/shared/rate-limit-repository";
import { findTherapist } from "@tenang/booking-server/therapists/therapist-repository";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { findPlaceById } from "@/server/places/place-repository";

export interface DiscountQuote {
  code: string;
  price: number;
  discountAmount: number;
  amount: number;
}

/**
 * What a code would take off this booking, before it is made (the "Apply" button). The same reads and rules as
 * booking creation (booking-server's code lookup and redemption count, booking-core's applyDiscount), which checks
 * the code again in its own transaction; this only lets the guest see the price, or why a code is refused, first.
 * Tries are rate limited per guest (booking-core's checkDiscountCode rule): guessing codes is the abuse.
 */
export async function checkDiscountCode(
  customerId: string,
  input: { code: string; duration: Duration; therapistId: string | null; placeId: string | null },
): Promise<DiscountQuote> {
  const ctx = bookingServer();
  const grant = await takeRateLimit(ctx, "checkDiscountCode", customerId, ctx.clock());
  await commitWriteSet(ctx, stageRateLimitSet(grant));
  const loaded = await findDiscountCode(ctx, normalizeDiscountCode(input.code));
  if (!loaded) {
    throw new DomainError("discount_invalid", `no discount code ${input.code}`, { details: { problem: "not_found" } });
  }
  let price: number | null = ctx.lifecycle.standardPrices[input.duration];
  if (input.placeId) {
    const place = await findPlaceById(input.placeId);
    if (!place) throw new DomainError("not_found", `no spa ${input.placeId}`);
    price = priceFor(place, input.duration);
  } else if (input.therapistId) {
    const snapshot = await findTherapist(ctx, input.therapistId);
    if (!snapshot) throw new DomainError("not_found", `no therapist ${input.therapistId}`);
    price = priceFor(snapshot.therapist, input.duration);
  }
  if (price === null) throw new DomainError("validation_failed", `duration ${input.duration} not offered`);
  const result = applyDiscount(loaded.code, {
    price,
    now: ctx.clock(),
    customerRedemptions: await countCustomerRedemptions(ctx, customerId, loaded.code.code),
  });
  if (isDomainError(result)) throw result;
  return { code: loaded.code.code, ...result };
}

function stageRateLimitSet(grant: Awaited<ReturnType<typeof takeRateLimit>>): WriteSet {
  const set = new WriteSet();
  stageRateLimit(set, grant);
  return set;
}
