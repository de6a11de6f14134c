// Appwrite's abuse limits, when the server runs with rateLimits on: driven through node-appwrite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import { Account, AppwriteException, Client, ID } from "node-appwrite";
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
      .then(
        () => null,
        (e: unknown) => e,
      );
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

/** A raw request from a chosen loopback address (Linux routes all of 127/8 to lo), so a test can be "another IP". */
function from(
  localAddress: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const url = new URL(`${server.url}${path}`);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress,
        headers: { "x-appwrite-project": projectId, "content-type": "application/json", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

// Issue 9, findings 4 and 5 (the local server's part): password guessing is limited per email and client IP (the
// socket's address; forwarding headers are not trusted), a success resets the count (Appwrite's abuse-reset 201),
// and the limit for one (email, IP) pair does not lock the same email out from another address.
describe("password sign-in limits", () => {
  const password = "right-password-1";
  const signUp = async () => {
    const email = `rl-${ID.unique()}@example.com`;
    await new Account(new Client().setEndpoint(server.url).setProject(projectId).setKey(apiKey)).create({
      userId: ID.unique(),
      email,
      password,
    });
    return email;
  };

  it("allows 10 attempts an hour per email and IP, then 429 even with the right password or a spoofed X-Forwarded-For", async () => {
    const email = await signUp();
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await from(
            "127.0.0.1",
            "/account/sessions/email",
            { email, password: "wrong-password" },
            { "x-forwarded-for": `10.0.0.${i}` },
          )
        ).status,
      ).toBe(401);
    }
    const limited = await from(
      "127.0.0.1",
      "/account/sessions/email",
      { email, password },
      { "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.9.9.9" },
    );
    expect(limited.status).toBe(429);
    expect(limited.headers["x-ratelimit-limit"]).toBe("10");
    // The real owner, elsewhere, still gets in; so does another account from the attacker's address.
    expect((await from("127.0.0.2", "/account/sessions/email", { email, password })).status).toBe(201);
    expect((await from("127.0.0.1", "/account/sessions/email", { email: await signUp(), password })).status).toBe(201);
  });

  it("counts concurrent attempts exactly: 30 at once give 10 checked and 20 refused", async () => {
    const email = await signUp();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        from("127.0.0.5", "/account/sessions/email", { email, password: "wrong-password" }),
      ),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(10);
    expect(results.filter((r) => r.status === 429)).toHaveLength(20);
  });

  it("resets the count for the pair on a successful sign-in", async () => {
    const email = await signUp();
    for (let i = 0; i < 9; i++)
      expect((await from("127.0.0.3", "/account/sessions/email", { email, password: "wrong-password" })).status).toBe(
        401,
      );
    expect((await from("127.0.0.3", "/account/sessions/email", { email, password })).status).toBe(201);
    for (let i = 0; i < 10; i++)
      expect((await from("127.0.0.3", "/account/sessions/email", { email, password: "wrong-password" })).status).toBe(
        401,
      );
    expect((await from("127.0.0.3", "/account/sessions/email", { email, password })).status).toBe(429);
  });

  it("limits account creation to 10 an hour per IP", async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await from("127.0.0.4", "/account", {
            userId: "unique()",
            email: `c${i}-${ID.unique()}@example.com`,
            password,
          })
        ).status,
      ).toBe(201);
    }
    expect(
      (await from("127.0.0.4", "/account", { userId: "unique()", email: `c-${ID.unique()}@example.com`, password }))
        .status,
    ).toBe(429);
  });

  it("limits JWT creation to 120 a minute per user", async () => {
    const email = await signUp();
    const session = await new Account(
      new Client().setEndpoint(server.url).setProject(projectId).setKey(apiKey),
    ).createEmailPasswordSession({ email, password });
    const user = new Account(new Client().setEndpoint(server.url).setProject(projectId).setSession(session.secret));
    for (let i = 0; i < 120; i++) await user.createJWT();
    const err = await user.createJWT().then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as AppwriteException).code).toBe(429);
  });
});
