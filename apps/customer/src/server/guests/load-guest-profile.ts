import "server-only";
import { emptyGuestProfile, parseGuestProfile, type GuestProfile } from "./guest-profile";
import { readGuestPrefs } from "./guest-repository";
import type { Guest } from "./get-guest";

/** What the booking form prefills for this guest (nothing for a first visit). */
export async function loadGuestProfile(guest: Guest | null): Promise<GuestProfile> {
  return guest ? parseGuestProfile(await readGuestPrefs(guest.secret)) : emptyGuestProfile;
}
