// The one place a role's session limits are applied to a live Appwrite session (dashboards and guests alike).
import type { SessionCookie } from "./session-cookie";
import { judgeSession, sessionKeyOf, type SessionLifetime, type StampSigner } from "./session-lifetime";

export interface SessionLifetimeCheck {
  lifetime: SessionLifetime;
  stamps: StampSigner;
  cookies: Pick<SessionCookie, "readActivityStamp" | "renewSessionCookies" | "clearSessionCookies">;
  /** Deletes the session in Appwrite with the API key. */
  deleteSession: (userId: string, sessionId: string) => Promise<void>;
  now: Date;
}

/**
 * True if the session is within its role's limits; its cookies are then renewed. A session past them is deleted in
 * Appwrite (so it stops working for Realtime and anything else holding it too), its cookies cleared, and false
 * returned. Cookie changes are best effort: a page render cannot make them, and the next API call will.
 */
export async function enforceSessionLifetime(
  secret: string,
  session: { id: string; userId: string; createdAt: Date },
  check: SessionLifetimeCheck,
): Promise<boolean> {
  const { lifetime, stamps, cookies, now } = check;
  const sessionKey = sessionKeyOf(secret);
  const stamp = stamps.verify(await cookies.readActivityStamp());
  // No stamp of this session's own: last seen at sign-in (so year-old sessions from before these limits end).
  const lastSeenAt = stamp?.sessionKey === sessionKey ? stamp.lastSeenAt : session.createdAt;
  const verdict = judgeSession(lifetime, { createdAt: session.createdAt, lastSeenAt, now });
  if (verdict.expired) {
    await check.deleteSession(session.userId, session.id);
    await cookies.clearSessionCookies().catch(() => undefined);
    return false;
  }
  const renewed = stamps.sign({ sessionKey, createdAt: session.createdAt, lastSeenAt: now });
  await cookies.renewSessionCookies(secret, renewed, verdict.renewedUntil).catch(() => undefined);
  return true;
}
