// Account + sessions through node-appwrite (and the web SDK for the fallback-cookie flow).
import "./support/web-sdk-env.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Account, ID } from "node-appwrite";
import { Account as WebAccount, Client as WebClient } from "appwrite";
import { expectAppwriteError, PROJECT_ID, startTestServer, type TestServer } from "./support/server.ts";
import { localStore, resetLocalStorage } from "./support/web-sdk-env.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe("account.create", () => {
  it("creates an account with the Account model and a lowercased email", async () => {
    const user = await new Account(t.guest()).create({
      userId: ID.unique(),
      email: "Mixed.Case@Example.COM",
      password: "password-123",
      name: "Ann",
    });
    expect(user).toMatchObject({
      email: "mixed.case@example.com",
      name: "Ann",
      status: true,
      labels: [],
      phone: "",
      emailVerification: false,
      phoneVerification: false,
      mfa: false,
      prefs: {},
    });
    expect(user.$id).toMatch(/^[0-9a-f]{20}$/);
    expect(user.registration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(user.targets).toEqual([
      expect.objectContaining({ providerType: "email", identifier: "mixed.case@example.com", userId: user.$id }),
    ]);
    expect(user).not.toHaveProperty("password");
  });

  it("rejects a duplicate email (any case) and a duplicate ID with 409 user_already_exists", async () => {
    const account = new Account(t.guest());
    await account.create({ userId: "dup-user", email: "dup@example.com", password: "password-123" });
    const byEmail = await expectAppwriteError(() =>
      account.create({ userId: ID.unique(), email: "DUP@example.com", password: "password-123" }),
    );
    expect(byEmail).toMatchObject({ code: 409, type: "user_already_exists" });
    const byId = await expectAppwriteError(() =>
      account.create({ userId: "dup-user", email: "other@example.com", password: "password-123" }),
    );
    expect(byId).toMatchObject({ code: 409, type: "user_already_exists" });
  });

  it("validates the password and email", async () => {
    const account = new Account(t.guest());
    const short = await expectAppwriteError(() =>
      account.create({ userId: ID.unique(), email: "short@example.com", password: "1234567" }),
    );
    expect(short).toMatchObject({ code: 400, type: "general_argument_invalid" });
    expect(short.message).toContain("`password`");
    const email = await expectAppwriteError(() =>
      account.create({ userId: ID.unique(), email: "not-an-email", password: "password-123" }),
    );
    expect(email).toMatchObject({ code: 400, type: "general_argument_invalid" });
  });
});

describe("sessions", () => {
  it("signs in with email and password; the secret is returned only to an API key", async () => {
    const email = "signin@example.com";
    await new Account(t.guest()).create({ userId: ID.unique(), email, password: "password-123" });

    const asGuest = await new Account(t.guest()).createEmailPasswordSession({
      email: "SignIn@example.com",
      password: "password-123",
    });
    expect(asGuest).toMatchObject({
      provider: "email",
      providerUid: email,
      current: true,
      factors: ["password"],
      secret: "",
    });

    const asKey = await new Account(t.admin()).createEmailPasswordSession({ email, password: "password-123" });
    const decoded = JSON.parse(Buffer.from(asKey.secret, "base64").toString("utf8")) as Record<string, unknown>;
    expect(Object.keys(decoded)).toEqual(["id", "secret"]);
    expect(decoded.id).toBe(asKey.userId);
    expect(Date.parse(asKey.expire) - Date.now()).toBeGreaterThan(364 * 24 * 3600 * 1000);

    const me = await new Account(t.withSession(asKey.secret)).get();
    expect(me.email).toBe(email);
  });

  it("rejects wrong credentials with 401 user_invalid_credentials", async () => {
    const u = await t.signUp();
    for (const [email, password] of [
      [u.email, "wrong-password"],
      ["nobody@example.com", "password-123"],
    ] as const) {
      const err = await expectAppwriteError(() =>
        new Account(t.guest()).createEmailPasswordSession({ email, password }),
      );
      expect(err).toMatchObject({ code: 401, type: "user_invalid_credentials" });
    }
  });

  it("creates anonymous sessions for new anonymous users", async () => {
    const session = await new Account(t.admin()).createAnonymousSession();
    expect(session).toMatchObject({ provider: "anonymous", factors: ["anonymous"], current: true });
    const me = await new Account(t.withSession(session.secret)).get();
    expect(me).toMatchObject({ $id: session.userId, email: "", name: "", phone: "", passwordUpdate: "" });
  });

  it("refuses a second session while one is active (401 user_session_already_exists), but not for API keys", async () => {
    const u = await t.signUp();
    const err = await expectAppwriteError(() => new Account(u.client).createAnonymousSession());
    expect(err).toMatchObject({ code: 401, type: "user_session_already_exists" });
    const again = await expectAppwriteError(() =>
      new Account(u.client).createEmailPasswordSession({ email: u.email, password: u.password }),
    );
    expect(again.type).toBe("user_session_already_exists");
    const admin = new Account(t.admin());
    await admin.createEmailPasswordSession({ email: u.email, password: u.password });
    await admin.createEmailPasswordSession({ email: u.email, password: u.password });
  });

  it("gives guests 401 general_unauthorized_scope on account routes", async () => {
    const err = await expectAppwriteError(() => new Account(t.guest()).get());
    expect(err).toEqual({
      code: 401,
      type: "general_unauthorized_scope",
      message: 'User (role: guests) missing scopes (["account"])',
    });
    const list = await expectAppwriteError(() => new Account(t.guest()).listSessions());
    expect(list.type).toBe("general_unauthorized_scope");
  });

  it("lists, reads and deletes sessions; a deleted session no longer authenticates", async () => {
    const u = await t.signUp();
    const other = await new Account(t.admin()).createEmailPasswordSession({ email: u.email, password: u.password });
    const account = new Account(u.client);

    const list = await account.listSessions();
    expect(list.total).toBe(2);
    expect(list.sessions.find((s) => s.$id === u.sessionId)?.current).toBe(true);
    expect(list.sessions.find((s) => s.$id === other.$id)?.current).toBe(false);
    expect(list.sessions.every((s) => s.secret === "")).toBe(true);

    expect((await account.getSession({ sessionId: "current" })).$id).toBe(u.sessionId);
    expect((await account.getSession({ sessionId: other.$id })).current).toBe(false);
    const missing = await expectAppwriteError(() => account.getSession({ sessionId: "nope" }));
    expect(missing).toMatchObject({ code: 404, type: "user_session_not_found" });

    await account.deleteSession({ sessionId: other.$id });
    await expectAppwriteError(() => new Account(t.withSession(other.secret)).get());
    await account.deleteSession({ sessionId: "current" });
    const gone = await expectAppwriteError(() => account.get());
    expect(gone).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
  });

  it("deleteSessions signs out everywhere", async () => {
    const u = await t.signUp();
    const second = await new Account(t.admin()).createEmailPasswordSession({ email: u.email, password: u.password });
    await new Account(u.client).deleteSessions();
    for (const secret of [u.secret, second.secret]) {
      expect((await expectAppwriteError(() => new Account(t.withSession(secret)).get())).code).toBe(401);
    }
  });

  it("keeps at most 10 sessions per user, dropping the oldest", async () => {
    const u = await t.signUp();
    const admin = new Account(t.admin());
    for (let i = 0; i < 10; i++) await admin.createEmailPasswordSession({ email: u.email, password: u.password });
    expect((await expectAppwriteError(() => new Account(u.client).get())).code).toBe(401);
  });

  it("reads the session from the a_session_<project> cookie (and its _legacy twin)", async () => {
    const u = await t.signUp();
    for (const name of [`a_session_${PROJECT_ID}`, `a_session_${PROJECT_ID}_legacy`]) {
      const client = t.guest().setCookie(`${name}=${encodeURIComponent(u.secret)}`);
      expect((await new Account(client).get()).$id).toBe(u.userId);
    }
  });

  it("updates name and preferences", async () => {
    const u = await t.signUp();
    const account = new Account(u.client);
    expect((await account.updateName({ name: "New Name" })).name).toBe("New Name");
    const updated = await account.updatePrefs({ prefs: { theme: "dark", n: 1 } });
    expect(updated.prefs).toEqual({ theme: "dark", n: 1 });
    expect(await account.getPrefs()).toEqual({ theme: "dark", n: 1 });
  });

  it("updates the password, checking the old one", async () => {
    const u = await t.signUp();
    const account = new Account(u.client);
    const wrong = await expectAppwriteError(() =>
      account.updatePassword({ password: "new-password-1", oldPassword: "nope-nope" }),
    );
    expect(wrong).toMatchObject({ code: 401, type: "user_invalid_credentials" });
    await account.updatePassword({ password: "new-password-1", oldPassword: u.password });
    await new Account(t.admin()).createEmailPasswordSession({ email: u.email, password: "new-password-1" });
  });
});

describe("web SDK session via X-Fallback-Cookies", () => {
  it("keeps the session in localStorage and sends it back as X-Fallback-Cookies", async () => {
    resetLocalStorage();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const u = await t.signUp();
      const web = new WebClient().setEndpoint(t.url).setProject(PROJECT_ID);
      const account = new WebAccount(web);
      await account.createEmailPasswordSession({ email: u.email, password: u.password });
      const stored = JSON.parse(localStore().getItem("cookieFallback") ?? "{}") as Record<string, string>;
      expect(stored[`a_session_${PROJECT_ID}`]).toBeTruthy();
      expect((await account.get()).$id).toBe(u.userId);
      await account.deleteSession({ sessionId: "current" });
      expect(localStore().getItem("cookieFallback")).toBe("[]");
    } finally {
      warn.mockRestore();
      resetLocalStorage();
    }
  });
});
