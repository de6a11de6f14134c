import { beforeEach, describe, expect, it, vi } from "vitest";
import { getTherapistForUser } from "@tenang/booking-server/therapists/therapist-repository";
import { requireTherapist } from "./app-server";

// A live session signed in a minute ago (lifetimes are tested in app-server's get-signed-in-user.test.ts): the kit's
// cookie and account repository stand in for the browser and Appwrite.
const { readSessionSecret, findSessionUser } = vi.hoisted(() => ({
  readSessionSecret: vi.fn(),
  findSessionUser: vi.fn(),
}));
vi.mock("@tenang/app-server/auth/session-cookie", () => ({
  createSessionCookie: () => ({
    readSessionSecret,
    readActivityStamp: async () => null,
    renewSessionCookies: async () => undefined,
    clearSessionCookies: async () => undefined,
  }),
}));
vi.mock("@tenang/app-server/auth/account-repository", () => ({
  createAccountRepository: () => ({
    findSessionUser,
    findCurrentSession: async () => ({ id: "s1", userId: "u1", createdAt: new Date(Date.now() - 60_000) }),
    deleteUserSession: vi.fn(),
  }),
}));
vi.mock("@tenang/booking-server/therapists/therapist-repository", () => ({
  getTherapistForUser: vi.fn(),
  findTherapistUserIdByWhatsapp: vi.fn(),
}));
vi.mock("@tenang/booking-server/context", () => ({ createBookingServerContext: () => ({}) }));

const user = (labels: string[]) => ({ id: "u1", name: "Sari", email: "sari@tenang.id", labels });
const therapist = { id: "therapist-01", userId: "u1" } as Awaited<ReturnType<typeof getTherapistForUser>>;

beforeEach(() => vi.resetAllMocks());

describe("requireTherapist", () => {
  it("is 401 without a session cookie, or with one Appwrite no longer knows", async () => {
    vi.mocked(readSessionSecret).mockResolvedValue(null);
    await expect(requireTherapist()).rejects.toMatchObject({ code: "unauthorized" });
    vi.mocked(readSessionSecret).mockResolvedValue("secret");
    vi.mocked(findSessionUser).mockResolvedValue(null);
    await expect(requireTherapist()).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("is 403 for an account without the therapist label, and for one not linked to a therapist row", async () => {
    vi.mocked(readSessionSecret).mockResolvedValue("secret");
    vi.mocked(findSessionUser).mockResolvedValue(user(["admin"]));
    await expect(requireTherapist()).rejects.toMatchObject({ code: "forbidden" });
    expect(getTherapistForUser).not.toHaveBeenCalled();

    vi.mocked(findSessionUser).mockResolvedValue(user(["therapist"]));
    vi.mocked(getTherapistForUser).mockResolvedValue(null);
    await expect(requireTherapist()).rejects.toMatchObject({ code: "forbidden" });
  });

  it("returns the therapist row linked to the signed-in user", async () => {
    vi.mocked(readSessionSecret).mockResolvedValue("secret");
    vi.mocked(findSessionUser).mockResolvedValue(user(["therapist"]));
    vi.mocked(getTherapistForUser).mockResolvedValue(therapist);
    await expect(requireTherapist()).resolves.toEqual({ user: user(["therapist"]), secret: "secret", therapist });
    expect(getTherapistForUser).toHaveBeenCalledWith({}, "u1");
  });
});
