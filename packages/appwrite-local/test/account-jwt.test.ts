// JWTs: minted from a session by account.createJWT or by the Users API, used with setJWT (protocol §1, §4).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Account, Users } from "node-appwrite";
import { expectAppwriteError, startTestServer, tempDataDir, type TestServer } from "./support/server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe("account.createJWT", () => {
  it("mints a JWT from a session that authenticates as the user", async () => {
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT();
    expect(jwt.split(".")).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<
      string,
      number | string
    >;
    expect(claims).toMatchObject({ userId: u.userId, sessionId: u.sessionId });
    expect(Number(claims.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(890);
    expect(Number(claims.exp) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(900);

    const viaJwt = new Account(t.withJwt(jwt));
    expect((await viaJwt.get()).$id).toBe(u.userId);
    // With a JWT there is no "current" session the request can prove.
    expect((await viaJwt.listSessions()).sessions.every((s) => !s.current)).toBe(true);
  });

  it("honours duration and rejects one above 3600", async () => {
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT({ duration: 60 });
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { exp: number };
    expect(claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(60);
    const err = await expectAppwriteError(() => new Account(u.client).createJWT({ duration: 3601 }));
    expect(err).toMatchObject({ code: 400, type: "general_argument_invalid" });
  });

  it("refuses guests (401 scope) and JWT-authenticated callers (403 user_jwt_creation_denied)", async () => {
    const guest = await expectAppwriteError(() => new Account(t.guest()).createJWT());
    expect(guest).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT();
    const chained = await expectAppwriteError(() => new Account(t.withJwt(jwt)).createJWT());
    expect(chained).toMatchObject({ code: 403, type: "user_jwt_creation_denied" });
  });

  it("rejects a JWT together with a valid session (403 user_jwt_and_cookie_set)", async () => {
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT();
    const both = t.withSession(u.secret).setJWT(jwt);
    const err = await expectAppwriteError(() => new Account(both).get());
    expect(err).toMatchObject({ code: 403, type: "user_jwt_and_cookie_set" });
  });

  it("rejects a malformed, forged or expired JWT (401 user_jwt_invalid)", async () => {
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT();
    const [h, p] = jwt.split(".") as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ userId: "someone-else", sessionId: u.sessionId, exp: 9999999999 }),
    ).toString("base64url");
    for (const bad of ["not-a-jwt", `${h}.${forgedPayload}.${jwt.split(".")[2]}`, `${h}.${p}.AAAA`]) {
      const err = await expectAppwriteError(() => new Account(t.withJwt(bad)).get());
      expect(err).toMatchObject({ code: 401, type: "user_jwt_invalid" });
      expect(err.message).toMatch(/^Failed to verify JWT\./);
    }
  });

  it("stops working when its session is deleted", async () => {
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT();
    await new Account(u.client).deleteSession({ sessionId: "current" });
    const err = await expectAppwriteError(() => new Account(t.withJwt(jwt)).get());
    expect(err).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
  });
});

describe("users.createJWT", () => {
  it("binds to the most recent session by default, or to a given one", async () => {
    const u = await t.signUp();
    const users = new Users(t.admin());
    const { jwt } = await users.createJWT({ userId: u.userId });
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { sessionId: string };
    expect(claims.sessionId).toBe(u.sessionId);
    expect((await new Account(t.withJwt(jwt)).get()).$id).toBe(u.userId);

    const second = await users.createSession({ userId: u.userId });
    const pinned = await users.createJWT({ userId: u.userId, sessionId: u.sessionId, duration: 120 });
    const pinnedClaims = JSON.parse(Buffer.from(pinned.jwt.split(".")[1]!, "base64url").toString()) as {
      sessionId: string;
    };
    expect(pinnedClaims.sessionId).toBe(u.sessionId);
    const recent = await users.createJWT({ userId: u.userId });
    expect(
      (JSON.parse(Buffer.from(recent.jwt.split(".")[1]!, "base64url").toString()) as { sessionId: string }).sessionId,
    ).toBe(second.$id);
  });

  it("returns 404 user_not_found for an unknown user", async () => {
    const err = await expectAppwriteError(() => new Users(t.admin()).createJWT({ userId: "missing-user" }));
    expect(err).toMatchObject({ code: 404, type: "user_not_found" });
  });
});

describe("persistence", () => {
  it("keeps sessions and JWTs valid across a restart with a data directory", async () => {
    const { dir, cleanup } = tempDataDir();
    try {
      const first = await startTestServer({ dataDir: dir });
      const u = await first.signUp();
      const { jwt } = await new Account(u.client).createJWT();
      await first.close();

      const second = await startTestServer({ dataDir: dir });
      try {
        expect((await new Account(second.withSession(u.secret)).get()).$id).toBe(u.userId);
        expect((await new Account(second.withJwt(jwt)).get()).$id).toBe(u.userId);
      } finally {
        await second.close();
      }
    } finally {
      cleanup();
    }
  });
});
