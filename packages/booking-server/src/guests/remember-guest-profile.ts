import "server-only";
import type { BookingServerContext } from "../context";
import type { GuestProfile } from "./guest-profile";
import { saveGuestProfile } from "./guest-repository";

/**
 * Keeps the name and number of a booking for the guest's next visit. Best effort: the booking already exists, and
 * a failure here must not turn its success into an error.
 */
export async function rememberGuestProfile(
  ctx: BookingServerContext,
  userId: string,
  profile: GuestProfile,
): Promise<void> {
  try {
    await saveGuestProfile(ctx, userId, profile);
  } catch (error) {
    console.error("[guests] could not remember the guest's details:", error);
  }
}
