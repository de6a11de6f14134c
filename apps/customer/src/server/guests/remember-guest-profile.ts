import "server-only";
import { toGuestPrefs, type GuestProfile } from "./guest-profile";
import { writeGuestPrefs } from "./guest-repository";

/**
 * Keeps the name and number of a booking for the guest's next visit. Best effort: the booking already exists, and
 * a failure here must not turn its success into an error.
 */
export async function rememberGuestProfile(secret: string, profile: GuestProfile): Promise<void> {
  try {
    await writeGuestPrefs(secret, toGuestPrefs(profile));
  } catch (error) {
    console.error("[guests] could not remember the guest's details:", error);
  }
}
