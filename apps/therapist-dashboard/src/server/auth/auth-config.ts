import "server-only";
import { createStampSigner } from "@tenang/app-server/auth/session-lifetime";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { env } from "@/env";

// Who may use this app and where their session lives. The admin dashboard has the same auth code with its own
// label and cookie name, so a browser can be signed in to both without one session standing in for the other.
export const REQUIRED_LABEL = "therapist";
export const SESSION_COOKIE = "tenang_session";
/** How long a therapist session lasts, and how long without use (booking-core/session-lifetime says why). */
export const SESSION_LIFETIME = SESSION_LIFETIMES.therapist;
// The activity stamp is signed with a key derived from the API key: the one secret this server already holds.
export const sessionStamps = createStampSigner(env.APPWRITE_API_KEY);
