import { beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@tenang/booking-core/errors";
import { logInWithLabel } from "./log-in";

const REQUIRED_LABEL = "admin";
const accounts = {
  createEmailPasswordSession: vi.fn(),
  findUserById: vi.fn(),
  deleteUserSession: vi.fn(),
};
const throttle = vi.fn<() => Promise<void>>();
const logIn = ({ email, password }: { email: string; password: string }) =>
  logInWithLabel({ accounts, requiredLabel: REQUIRED_LABEL, throttle }, async () => email, password);

const session = { id: "s1", userId: "u1", secret: "secret", expiresAt: new Date("2030-01-01T00:00:00Z") };
const user = (labels: string[]) => ({ id: "u1", name: "Sari", email: "sari@tenang.id", labels });
const input = { email: "sari@tenang.id", password: "correct horse" };

beforeEach(() => vi.resetAllMocks());

describe("logIn", () => {
  it("returns the session for an account with this app's label", async () => {
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(session);
    vi.mocked(accounts.findUserById).mockResolvedValue(user([REQUIRED_LABEL]));
    await expect(logIn(input)).resolves.toEqual(session);
    expect(accounts.deleteUserSession).not.toHaveBeenCalled();
  });

  it("refuses wrong credentials as unauthorized (401)", async () => {
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(null);
    await expect(logIn(input)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("counts the attempt first: past the limit nothing is asked of Appwrite, not even for the right password", async () => {
    throttle.mockRejectedValue(new DomainError("rate_limited", "rate limit exceeded", { retryAfterMs: 60_000 }));
    await expect(logIn(input)).rejects.toMatchObject({ code: "rate_limited" });
    expect(accounts.createEmailPasswordSession).not.toHaveBeenCalled();
  });

  it("refuses an account without the label as forbidden (403) and revokes the session it just made", async () => {
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(session);
    vi.mocked(accounts.findUserById).mockResolvedValue(user(["someone-else"]));
    const error = await logIn(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "forbidden" });
    expect(accounts.deleteUserSession).toHaveBeenCalledWith("u1", "s1");
  });
});
