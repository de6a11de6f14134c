import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { getTherapistForUser } from "@tenang/booking-server/therapists/therapist-repository";
import { bookingContext } from "@/server/booking/booking-context";
import type { AccountUser } from "./account-repository";
import { requireCaller } from "./get-signed-in-user";

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
  const { user, secret } = await requireCaller();
  const therapist = await getTherapistForUser(bookingContext(), user.id);
  if (!therapist) throw new DomainError("forbidden", "account is not linked to a therapist");
  return { user, secret, therapist };
}
