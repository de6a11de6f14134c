// Who is calling, resolved once per request (REST) or per connection (Realtime).
// `roles` are the Appwrite role strings the caller holds, e.g. ["any","users","user:abc","label:therapist"].
export type Principal =
  | { kind: "key"; roles: string[] }
  | { kind: "guest"; roles: string[] }
  | {
      kind: "user";
      userId: string;
      /** The session the request authenticated with (null when authenticated by JWT). */
      sessionId: string | null;
      /** How the user authenticated this request. */
      via: "session" | "jwt";
      roles: string[];
    };

export const GUEST: Principal = { kind: "guest", roles: ["any", "guests"] };
export const API_KEY: Principal = { kind: "key", roles: [] };
