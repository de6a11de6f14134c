import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import type { BookingServerContext } from "@tenang/booking-server/context";
import { deleteGuestSession } from "@tenang/booking-server/guests/guest-repository";
import { startGuestSession } from "@tenang/booking-server/guests/start-guest-session";
import { AppwriteException } from "node-appwrite";
import type { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionServices } from "../appwrite/session-client";
import { createGuestAuth } from "./guest-auth";

// The request's cookie jar (pages and route handlers read it through next/headers), empty: no activity stamp yet.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));
vi.mock("@tenang/booking-server/guests/guest-repository", () => ({ deleteGuestSession: vi.fn() }));
vi.mock("@tenang/booking-server/guests/start-guest-session", () => ({ startGuestSession: vi.fn() }));

const ctx = {} as BookingServerContext;
const getSession = vi.fn();
const guests = createGuestAuth(
  { cookie: "tenang_guest", lifetime: SESSION_LIFETIMES.guest },
  {
    bookingServer: () => ctx,
    session: () => ({ account: { getSession } }) as unknown as SessionServices,
    stampSecret: "test-secret",
  },
);

const session = (provider: string, createdAt: Date) => ({
  $id: "s1",
  userId: "guest-1",
  $createdAt: createdAt.toISOString(),
  provider,
});
const withCookie = (value?: string) =>
  ({ cookies: { get: (name: string) => (name === "tenang_guest" && value ? { value } : undefined) } }) as NextRequest;

beforeEach(() => vi.resetAllMocks());

describe("guest check", () => {
  it("is 401 without the cookie, or with a secret Appwrite no longer knows", async () => {
    await expect(guests.requireGuest(withCookie())).rejects.toMatchObject({ code: "unauthorized" });
    getSession.mockRejectedValue(new AppwriteException("no session", 401));
    await expect(guests.requireGuest(withCookie("secret"))).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses another app's session put in the guest cookie (only an anonymous session is a guest)", async () => {
    getSession.mockResolvedValue(session("email", new Date()));
    await expect(guests.findGuestSession("secret")).resolves.toBeNull();
  });

  it("returns the guest of a live anonymous session", async () => {
    getSession.mockResolvedValue(session("anonymous", new Date(Date.now() - 60_000)));
    await expect(guests.requireGuest(withCookie("secret"))).resolves.toEqual({
      userId: "guest-1",
      sessionId: "s1",
      secret: "secret",
    });
  });

  it("ends a session unused past the guest's idle limit, in Appwrite too", async () => {
    const longAgo = new Date(Date.now() - SESSION_LIFETIMES.guest.idleMs - 60_000);
    getSession.mockResolvedValue(session("anonymous", longAgo));
    await expect(guests.findGuestSession("secret")).resolves.toBeNull();
    expect(deleteGuestSession).toHaveBeenCalledWith(ctx, "guest-1", "s1");
  });

  it("starts a guest session on the existing guest when the secret is still good, else a new one", async () => {
    getSession.mockResolvedValue(session("anonymous", new Date()));
    await guests.startGuestSession("secret", "203.0.113.1");
    expect(startGuestSession).toHaveBeenCalledWith(ctx, { existingUserId: "guest-1", ip: "203.0.113.1" });
    await guests.startGuestSession(null, "203.0.113.1");
    expect(startGuestSession).toHaveBeenLastCalledWith(ctx, { existingUserId: null, ip: "203.0.113.1" });
  });
});
