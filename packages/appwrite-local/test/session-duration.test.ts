// Issue 9 (sessions last a year): the project's session length (Appwrite's auth "duration" setting) is a server
// option. New and extended sessions expire after it, and an expired session authenticates nothing: not REST, not a
// JWT minted from it, not realtime. The clock is faked (Date only), so the test does not wait.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Account, Client, ID, Users } from "node-appwrite";
import { startServer, type RunningServer } from "../src/server.ts";

const DAY = 86_400;
let server: RunningServer;
const projectId = "dur";
const apiKey = "dur-key";
const client = () => new Client().setEndpoint(server.url).setProject(projectId);

beforeAll(async () => {
  server = await startServer({ memory: true, port: 0, projectId, apiKey, sessionDurationSeconds: 30 * DAY });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => server.close());

const expiresIn = (expire: string, from: number) => Math.round((Date.parse(expire) - from) / 1000);

describe("session duration", () => {
  it("defaults to Appwrite's one year", async () => {
    const plain = await startServer({ memory: true, port: 0, projectId, apiKey });
    try {
      expect(plain.config.sessionDurationSeconds).toBe(365 * DAY);
    } finally {
      await plain.close();
    }
  });

  it("sets the expire of new and extended sessions, and an expired session authenticates nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.parse("2030-01-01T00:00:00.000Z");
    vi.setSystemTime(t0);
    const email = `d${Date.now()}@example.com`;
    await new Account(client().setKey(apiKey)).create({ userId: ID.unique(), email, password: "password-123" });
    const session = await new Account(client().setKey(apiKey)).createEmailPasswordSession({
      email,
      password: "password-123",
    });
    expect(expiresIn(session.expire, t0)).toBe(30 * DAY);
    const anonymous = await new Account(client()).createAnonymousSession();
    expect(expiresIn(anonymous.expire, t0)).toBe(30 * DAY);
    const server = await new Users(client().setKey(apiKey)).createSession({ userId: session.userId });
    expect(expiresIn(server.expire, t0)).toBe(30 * DAY);

    vi.setSystemTime(t0 + 10 * DAY * 1000);
    const extended = await new Account(client().setSession(session.secret)).updateSession({ sessionId: "current" });
    expect(expiresIn(extended.expire, t0 + 10 * DAY * 1000)).toBe(30 * DAY);

    // Just before the (extended) end: a JWT minted now would still be within its own 15 minutes after the end.
    const end = t0 + 40 * DAY * 1000;
    vi.setSystemTime(end - 60_000);
    const { jwt } = await new Account(client().setSession(session.secret)).createJWT();
    await new Account(client().setJWT(jwt)).get();

    vi.setSystemTime(end + 1000);
    await expect(new Account(client().setSession(session.secret)).get()).rejects.toMatchObject({ code: 401 });
    await expect(new Account(client().setJWT(jwt)).get()).rejects.toMatchObject({ code: 401 });
    await expect(new Account(client().setSession(anonymous.secret)).get()).rejects.toMatchObject({ code: 401 });
  });
});
