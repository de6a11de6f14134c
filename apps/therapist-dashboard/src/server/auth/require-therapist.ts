import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { getTherapistForUser } from "@tenang/booking-server/therapists/therapist-repository";
import { bookingContext } from "@/server/booking/booking-context";
import { REQUIRED_LABEL } from "./auth-config";
import { findSessionUser, type AccountUser } from "./account-repository";
import { readSessionSecret } from "./session-cookie";

export interface SignedInTherapist {
  user: AccountUser;
  /** The session secret (for calls made as the user, e.g. minting a realtime JWT). */
  secret: string;
  therapist: Therapist;
}

/**
 * For route handlers: the caller must hold a valid session, carry the `therapist` label, and be linked to a
 * therapist row (by userId). Every use case then acts on `therapist.id` from here, never on an id from the request.
 * 401 without a valid session, 403 for anyone else.
 */
export async function requireTherapist(): Promise<SignedInTherapist> {
  const secret = await readSessionSecret();
  if (!secret) throw new DomainError("unauthorized", "no session");
  const user = await findSessionUser(secret);
  if (!user) throw new DomainError("unauthorized", "session expired or revoked");
  if (!user.labels.includes(REQUIRED_LABEL))
    throw new DomainError("forbidden", `account lacks the ${REQUIRED_LABEL} label`);
  const therapist = await getTherapistForUser(bookingContext(), user.id);
  if (!therapist) throw new DomainError("forbidden", "account is not linked to a therapist");
  return { user, secret, therapist };
}
