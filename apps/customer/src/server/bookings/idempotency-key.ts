import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from "@tenang/booking-core/idempotency";

/**
 * The request's Idempotency-Key. Required on booking creation: the browser makes one per confirmation, so a double
 * click, a retry after a dropped connection, or a reload mid-request all land on the same booking.
 */
export function requireIdempotencyKey(request: Request): string {
  const parsed = idempotencyKeySchema.safeParse(request.headers.get(IDEMPOTENCY_HEADER));
  if (!parsed.success) {
    throw new DomainError("bad_request", `${IDEMPOTENCY_HEADER} header missing or not 16–64 of A–Z a–z 0–9 _ -`);
  }
  return parsed.data;
}
