// Whether a session is past its role's limits (issue 9: every session lasted a year, admin included), and the signed
// activity stamp that records its last use. Pure: no server-only, no Appwrite; app-server's signed-in checks apply it.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// The numbers themselves (SESSION_LIFETIMES) live in booking-core: booking-server's session sweep applies them too.
import type { SessionLifetime } from "@tenang/booking-core/session-lifetime";

export type { SessionLifetime };

export interface SessionTimes {
  createdAt: Date;
  /** The last use we know of (the activity stamp); the sign-in itself when there is none. */
  lastSeenAt: Date;
  now: Date;
}

export type SessionVerdict = { expired: true; reason: "absolute" | "idle" } | { expired: false; renewedUntil: Date };

/** Whether a session is past its role's limits; if not, until when a use now keeps it alive. */
export function judgeSession(lifetime: SessionLifetime, times: SessionTimes): SessionVerdict {
  const created = times.createdAt.getTime();
  const now = times.now.getTime();
  const absoluteEnd = created + lifetime.absoluteMs;
  if (now >= absoluteEnd) return { expired: true, reason: "absolute" };
  if (now - times.lastSeenAt.getTime() >= lifetime.idleMs) return { expired: true, reason: "idle" };
  return { expired: false, renewedUntil: new Date(Math.min(absoluteEnd, now + lifetime.idleMs)) };
}

/**
 * The activity stamp: `<sessionKey>.<createdMs>.<seenMs>.<mac>`, kept in an httpOnly cookie next to the session
 * cookie, written at sign-in and renewed on use. `sessionKey` ties it to one session secret (see sessionKeyOf). Appwrite does not record when a session was last used, so the server signs it itself
 * (HMAC with a key only the server has); a stamp that does not verify counts as no stamp, i.e. last seen at sign-in.
 */
export interface ActivityStamp {
  /** sessionKeyOf(the session secret): a stamp only speaks for the session it was written for. */
  sessionKey: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** A short, one-way name for a session secret (the stamp must not carry the secret itself). */
export function sessionKeyOf(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url").slice(0, 22);
}

export function createStampSigner(serverSecret: string) {
  // A key of its own, derived from the server's secret, so the stamp's MAC says nothing about the secret.
  const key = createHmac("sha256", serverSecret).update("tenang/session-activity/v1").digest();
  const mac = (body: string) => createHmac("sha256", key).update(body).digest("base64url");

  return {
    sign(stamp: ActivityStamp): string {
      const body = `${stamp.sessionKey}.${stamp.createdAt.getTime()}.${stamp.lastSeenAt.getTime()}`;
      return `${body}.${mac(body)}`;
    },

    /** The stamp in `value` if its MAC verifies; null otherwise. */
    verify(value: string | undefined | null): ActivityStamp | null {
      if (!value) return null;
      const parts = value.split(".");
      if (parts.length !== 4) return null;
      const given = parts.pop()!;
      const seen = Number(parts.pop());
      const created = Number(parts.pop());
      const sessionKey = parts.join(".");
      if (!Number.isSafeInteger(seen) || !Number.isSafeInteger(created) || sessionKey === "") return null;
      const expected = Buffer.from(mac(`${sessionKey}.${created}.${seen}`));
      const actual = Buffer.from(given);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      return { sessionKey, createdAt: new Date(created), lastSeenAt: new Date(seen) };
    },
  };
}

export type StampSigner = ReturnType<typeof createStampSigner>;
