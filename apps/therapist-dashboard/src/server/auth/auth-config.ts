import "server-only";

// Who may use this app and where their session lives. The admin dashboard has the same auth code with its own
// label and cookie name, so a browser can be signed in to both without one session standing in for the other.
export const REQUIRED_LABEL = "therapist";
export const SESSION_COOKIE = "tenang_session";
