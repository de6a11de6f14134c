import { beforeEach, describe, expect, it, vi } from "vitest";
import { requireAdmin } from "./app-server";

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

const user = (labels: string[]) => ({ id: "u1", name: "Ops", email: "admin@tenang.id", labels });

beforeEach(() => vi.resetAllMocks());

describe("requireAdmin", () => {
  it("is 401 without a session cookie, or with one Appwrite no longer knows", async () => {
    vi.mocked(readSessionSecret).mockResolvedValue(null);
    await expect(requireAdmin()).rejects.toMatchObject({ code: "unauthorized" });
    expect(findSessionUser).not.toHaveBeenCalled();
    vi.mocked(readSessionSecret).mockResolvedValue("secret");
    vi.mocked(findSessionUser).mockResolvedValue(null);
    await expect(requireAdmin()).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("is 403 for a signed-in account without the admin label (a therapist's, say)", async () => {
    vi.mocked(readSessionSecret).mockResolvedValue("secret");
    vi.mocked(findSessionUser).mockResolvedValue(user(["therapist"]));
    await expect(requireAdmin()).rejects.toMatchObject({ code: "forbidden" });
    vi.mocked(findSessionUser).mockResolvedValue(user([]));
    await expect(requireAdmin()).rejects.toMatchObject({ code: "forbidden" });
  });

  it("returns the admin", async () => {
    vi.mocked(readSessionSecret).mockResolvedValue("secret");
    vi.mocked(findSessionUser).mockResolvedValue(user(["admin"]));
    await expect(requireAdmin()).resolves.toEqual(user(["admin"]));
    expect(findSessionUser).toHaveBeenCalledWith("secret");
  });
});
