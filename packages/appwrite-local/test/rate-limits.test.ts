// Appwrite's abuse limits, when the server runs with rateLimits on: driven through node-appwrite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Account, AppwriteException, Client } from "node-appwrite";
import { startServer, type RunningServer } from "../src/server.ts";

let server: RunningServer;
const projectId = "rl";
const apiKey = "rl-key";

beforeAll(async () => {
  server = await startServer({ memory: true, port: 0, projectId, apiKey, rateLimits: true });
});
afterAll(() => server.close());

const guest = () => new Account(new Client().setEndpoint(server.url).setProject(projectId));

describe("rate limits", () => {
  it("allows 50 anonymous sessions an hour per IP, then answers 429 general_rate_limit_exceeded", async () => {
    for (let i = 0; i < 50; i++) await guest().createAnonymousSession();
    const err = await guest()
      .createAnonymousSession()
      .then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppwriteException);
    expect((err as AppwriteException).code).toBe(429);
    expect((err as AppwriteException).type).toBe("general_rate_limit_exceeded");

    const res = await fetch(`${server.url}/account/sessions/anonymous`, {
      method: "POST",
      headers: { "x-appwrite-project": projectId, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("x-ratelimit-limit")).toBe("50");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
  });

  // Runs after the test above used up this IP's 50: a guest would get 429 here, the key does not.
  it("exempts the API key", async () => {
    const admin = new Account(new Client().setEndpoint(server.url).setProject(projectId).setKey(apiKey));
    for (let i = 0; i < 3; i++) await admin.createAnonymousSession();
  });

  it("is off by default", async () => {
    const plain = await startServer({ memory: true, port: 0, projectId, apiKey });
    try {
      for (let i = 0; i < 55; i++) {
        await new Account(new Client().setEndpoint(plain.url).setProject(projectId)).createAnonymousSession();
      }
    } finally {
      await plain.close();
    }
  });
});
