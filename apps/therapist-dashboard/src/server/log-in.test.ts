import { beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@tenang/booking-core/errors";
import * as therapists from "@tenang/booking-server/therapists/therapist-repository";
import { countSignInAttempt } from "@tenang/booking-server/shared/sign-in-throttle";
import { logIn as logInFrom } from "./app-server";

const IP = "203.0.113.1";
const REQUIRED_LABEL = "therapist";
const logIn = (login: Parameters<typeof logInFrom>[0]) => logInFrom(login, IP);

// The kit's account repository stands in for Appwrite; the engine's context is left out (undefined).
const accounts = vi.hoisted(() => ({
  createEmailPasswordSession: vi.fn(),
  findUserById: vi.fn(),
  deleteUserSession: vi.fn(),
}));
vi.mock("@tenang/app-server/auth/account-repository", () => ({ createAccountRepository: () => accounts }));
vi.mock("@tenang/booking-server/therapists/therapist-repository", () => ({
  findTherapistUserIdByWhatsapp: vi.fn(),
  getTherapistForUser: vi.fn(),
}));
vi.mock("@tenang/booking-server/shared/sign-in-throttle", () => ({ countSignInAttempt: vi.fn() }));
vi.mock("@tenang/booking-server/context", () => ({ createBookingServerContext: vi.fn() }));

const session = { id: "s1", userId: "u1", secret: "secret", expiresAt: new Date("2030-01-01T00:00:00Z") };
const user = (labels: string[]) => ({ id: "u1", name: "Sari", email: "sari@tenang.id", labels });
const input = { kind: "email" as const, email: "sari@tenang.id", password: "correct horse" };
const byPhone = { kind: "phone" as const, phone: "+6281234560000", password: "correct horse" };

beforeEach(() => vi.resetAllMocks());

describe("logIn", () => {
  it("returns the session for an account with this app's label", async () => {
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(session);
    vi.mocked(accounts.findUserById).mockResolvedValue(user([REQUIRED_LABEL]));
    await expect(logIn(input)).resolves.toEqual(session);
    expect(accounts.createEmailPasswordSession).toHaveBeenCalledWith("sari@tenang.id", "correct horse");
    expect(accounts.deleteUserSession).not.toHaveBeenCalled();
  });

  it("refuses wrong credentials as unauthorized (401)", async () => {
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(null);
    await expect(logIn(input)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses an account without the label as forbidden (403) and revokes the session it just made", async () => {
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(session);
    vi.mocked(accounts.findUserById).mockResolvedValue(user(["someone-else"]));
    const error = await logIn(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "forbidden" });
    expect(accounts.deleteUserSession).toHaveBeenCalledWith("u1", "s1");
  });

  it("signs in by WhatsApp number with the linked user's email", async () => {
    vi.mocked(therapists.findTherapistUserIdByWhatsapp).mockResolvedValue("u1");
    vi.mocked(accounts.findUserById).mockResolvedValue(user([REQUIRED_LABEL]));
    vi.mocked(accounts.createEmailPasswordSession).mockResolvedValue(session);
    await expect(logIn(byPhone)).resolves.toEqual(session);
    expect(therapists.findTherapistUserIdByWhatsapp).toHaveBeenCalledWith(undefined, "+6281234560000");
    // Throttled by the account the number belongs to (its email: one allowance however the login is typed) and IP.
    expect(countSignInAttempt).toHaveBeenCalledWith(undefined, { login: "sari@tenang.id", ip: IP });
    expect(accounts.createEmailPasswordSession).toHaveBeenCalledWith("sari@tenang.id", "correct horse");
  });

  it("throttles an unknown number by the number as normalised (E.164), whatever spelling was typed", async () => {
    vi.mocked(therapists.findTherapistUserIdByWhatsapp).mockResolvedValue(null);
    await expect(logIn(byPhone)).rejects.toMatchObject({ code: "unauthorized" });
    expect(countSignInAttempt).toHaveBeenCalledWith(undefined, { login: "+6281234560000", ip: IP });
  });

  it("past the attempt limit, refuses before the password is checked", async () => {
    vi.mocked(therapists.findTherapistUserIdByWhatsapp).mockResolvedValue("u1");
    vi.mocked(accounts.findUserById).mockResolvedValue(user([REQUIRED_LABEL]));
    vi.mocked(countSignInAttempt).mockRejectedValue(new DomainError("rate_limited", "rate limit exceeded"));
    await expect(logIn(byPhone)).rejects.toMatchObject({ code: "rate_limited" });
    expect(accounts.createEmailPasswordSession).not.toHaveBeenCalled();
  });

  it("answers an unknown phone exactly like a wrong password, without trying a session", async () => {
    vi.mocked(therapists.findTherapistUserIdByWhatsapp).mockResolvedValue(null);
    await expect(logIn(byPhone)).rejects.toMatchObject({ code: "unauthorized" });
    expect(accounts.createEmailPasswordSession).not.toHaveBeenCalled();
  });
});
