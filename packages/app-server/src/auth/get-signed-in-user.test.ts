// Session lifetimes (issue 9: sessions lasted a year, admin included), enforced against a real local Appwrite
// through node-appwrite: a session past its role's limits is deleted in Appwrite, not just ignored.
import { Client, ID, Users } from "node-appwrite";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "../appwrite/admin-client";
import { createSessionServices } from "../appwrite/session-client";
import { createAccountRepository } from "./account-repository";
import { createSignedInUser } from "./get-signed-in-user";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { createStampSigner, sessionKeyOf } from "./session-lifetime";

let server: RunningServer;
let users: Users;
let accounts: ReturnType<typeof createAccountRepository>;
const stamps = createStampSigner("test-secret");

beforeAll(async () => {
  server = await startServer({ memory: true, port: 0, projectId: "p", apiKey: "k" });
  const config = { endpoint: server.url, projectId: "p", timeoutMs: 5000 };
  users = new Users(new Client().setEndpoint(server.url).setProject("p").setKey("k"));
  accounts = createAccountRepository({
    adminClient: () => createAdminClient({ ...config, apiKey: "k" }),
    session: (secret) => createSessionServices(config, secret),
  });
});
afterAll(async () => {
  await server?.close();
});

async function signedInAdmin() {
  const email = `admin-${ID.unique()}@tenang.test`;
  const user = await users.create({ userId: ID.unique(), email, password: "correct horse battery" });
  await users.updateLabels({ userId: user.$id, labels: ["admin"] });
  const session = await accounts.createEmailPasswordSession(email, "correct horse battery");
  return { userId: user.$id, session: session! };
}

/** The cookies of one browser: what the server last set is what it reads next time. */
function cookieJar(secret: string) {
  const jar = { secret, stamp: null as string | null, expires: null as Date | null, cleared: false };
  return {
    jar,
    cookies: {
      readActivityStamp: async () => jar.stamp,
      renewSessionCookies: async (_secret: string, stamp: string, expiresAt: Date) => {
        jar.stamp = stamp;
        jar.expires = expiresAt;
      },
      clearSessionCookies: async () => {
        jar.cleared = true;
        jar.stamp = null;
      },
    },
  };
}

function adminCheck(secret: string, jar: ReturnType<typeof cookieJar>, now: () => Date) {
  return createSignedInUser({
    readSessionSecret: async () => secret,
    accounts,
    requiredLabel: "admin",
    lifetime: SESSION_LIFETIMES.admin,
    stamps,
    cookies: jar.cookies,
    clock: now,
  });
}

describe("session lifetimes", () => {
  it("renews an admin session on use, then ends it (deleted in Appwrite) after an hour without use", async () => {
    const { userId, session } = await signedInAdmin();
    const jar = cookieJar(session.secret);
    let now = new Date(Date.now() + 50 * 60_000);
    const check = adminCheck(session.secret, jar, () => now);

    // 50 minutes after sign-in: alive, and renewed until an hour from now.
    await expect(check.requireCaller()).resolves.toMatchObject({ user: { id: userId } });
    expect(jar.jar.expires?.getTime()).toBe(now.getTime() + 3600_000);

    // Another 50 minutes later (100 after sign-in, 50 after the last use): still alive thanks to the renewal.
    now = new Date(now.getTime() + 50 * 60_000);
    await expect(check.requireCaller()).resolves.toMatchObject({ user: { id: userId } });

    // 61 minutes of quiet: refused, the session is gone from Appwrite and the cookies are cleared.
    now = new Date(now.getTime() + 61 * 60_000);
    await expect(check.requireCaller()).rejects.toMatchObject({ code: "unauthorized" });
    expect(jar.jar.cleared).toBe(true);
    expect((await users.listSessions({ userId })).total).toBe(0);
  });

  it("ends an admin session 12 hours after sign-in however busy, and without a stamp counts from sign-in", async () => {
    const busy = await signedInAdmin();
    const jar = cookieJar(busy.session.secret);
    const start = Date.now();
    let now = new Date(start);
    const check = adminCheck(busy.session.secret, jar, () => now);
    for (let hour = 0.5; hour < 12; hour += 0.5) {
      now = new Date(start + hour * 3600_000);
      await expect(check.getSignedInUser()).resolves.toMatchObject({ id: busy.userId });
    }
    now = new Date(start + 12 * 3600_000 + 60_000);
    await expect(check.getSignedInUser()).resolves.toBeNull();
    expect((await users.listSessions({ userId: busy.userId })).total).toBe(0);

    // A session signed in two hours ago with no stamp (e.g. from before this rule) is idle since sign-in.
    const old = await signedInAdmin();
    const noStamp = adminCheck(
      old.session.secret,
      cookieJar(old.session.secret),
      () => new Date(Date.now() + 2 * 3600_000),
    );
    await expect(noStamp.requireCaller()).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("ignores a stamp the server did not sign (a client cannot keep itself alive)", async () => {
    const { session } = await signedInAdmin();
    const jar = cookieJar(session.secret);
    const later = new Date(Date.now() + 2 * 3600_000);
    jar.jar.stamp = createStampSigner("guessed").sign({
      sessionKey: sessionKeyOf(session.secret),
      createdAt: new Date(),
      lastSeenAt: later,
    });
    await expect(adminCheck(session.secret, jar, () => later).requireCaller()).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});
