import "server-only";
import { timingSafeEqual } from "node:crypto";
import { DomainError } from "@tenang/booking-core/errors";
import { env } from "@/env";

export const SWEEPER_SECRET_HEADER = "x-sweeper-secret";

/** The caller must present SWEEPER_SECRET; compared in constant time so its length and bytes cannot be probed. */
export function requireSweeperSecret(request: Request): void {
  const given = Buffer.from(request.headers.get(SWEEPER_SECRET_HEADER) ?? "");
  const expected = Buffer.from(env.SWEEPER_SECRET);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError("unauthorized", "wrong or missing sweeper secret");
  }
}
