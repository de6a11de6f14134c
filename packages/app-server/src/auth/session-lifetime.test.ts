import { describe, expect, it } from "vitest";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { createStampSigner, judgeSession } from "./session-lifetime";

const at = (iso: string) => new Date(`2026-03-01T${iso}Z`);

describe("SESSION_LIFETIMES", () => {
  it("keeps admin sessions short and every role's far under a year", () => {
    expect(SESSION_LIFETIMES.admin).toEqual({ absoluteMs: 12 * 3600_000, idleMs: 3600_000 });
    expect(SESSION_LIFETIMES.therapist.idleMs).toBe(30 * 86400_000);
    expect(SESSION_LIFETIMES.guest.idleMs).toBe(30 * 86400_000);
  });
});

describe("judgeSession", () => {
  const admin = SESSION_LIFETIMES.admin;

  it("renews an admin session on use, never past 12 hours from sign-in", () => {
    expect(judgeSession(admin, { createdAt: at("08:00:00"), lastSeenAt: at("08:30:00"), now: at("09:00:00") })).toEqual(
      { expired: false, renewedUntil: at("10:00:00") },
    );
    expect(judgeSession(admin, { createdAt: at("08:00:00"), lastSeenAt: at("19:30:00"), now: at("19:45:00") })).toEqual(
      { expired: false, renewedUntil: at("20:00:00") },
    );
  });

  it("ends an admin session an hour after its last use, and 12 hours after sign-in however busy", () => {
    expect(judgeSession(admin, { createdAt: at("08:00:00"), lastSeenAt: at("08:00:00"), now: at("09:00:00") })).toEqual(
      { expired: true, reason: "idle" },
    );
    expect(judgeSession(admin, { createdAt: at("08:00:00"), lastSeenAt: at("19:59:00"), now: at("20:00:00") })).toEqual(
      { expired: true, reason: "absolute" },
    );
  });
});

describe("createStampSigner", () => {
  const signer = createStampSigner("server-secret");
  const stamp = { sessionKey: "k1", createdAt: at("08:00:00"), lastSeenAt: at("08:30:00") };

  it("reads back what it signed", () => {
    expect(signer.verify(signer.sign(stamp))).toEqual(stamp);
  });

  it("refuses a stamp that was altered, signed with another key, or is not a stamp", () => {
    const signed = signer.sign(stamp);
    const later = signed.replace(String(at("08:30:00").getTime()), String(at("23:00:00").getTime()));
    expect(signer.verify(later)).toBeNull();
    expect(signer.verify(createStampSigner("other").sign(stamp))).toBeNull();
    for (const junk of [undefined, "", "a.b", "x.1.2.", "x.y.z.w", "a.b.1.2.mac"])
      expect(signer.verify(junk)).toBeNull();
  });
});
