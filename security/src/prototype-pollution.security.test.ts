// Finding 1: prototype pollution in the local server's request parsing. Each vector — query strings, JSON bodies,
// multipart fields, cookies, headers, permission and query strings — is tried on a fresh server in a process of its
// own, with the payload the review used: put the attacker's session secret on Object.prototype under the name of
// the session cookie, so every later request "carries" it. Afterwards a new guest must still get a session of their
// own that resolves to them, a request with no credential must be nobody, and the API key must still work.
import { startLocalServerProcess, type LocalServerProcess } from "@tenang/testing/local-server-process";
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { cookieFrom, rawRequest, type RawResponse } from "./support/http";

let server: LocalServerProcess | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

interface Session {
  userId: string;
  secret: string;
}

const base = () => server!.endpoint.replace(/\/v1$/, "");
const project = () => ({ "x-appwrite-project": server!.projectId });

function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return rawRequest(base(), path, { ...init, headers: { ...project(), ...init.headers } });
}

async function anonymousSession(): Promise<{ res: RawResponse; session: Session | null }> {
  const res = await send("/v1/account/sessions/anonymous", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (res.status !== 201) return { res, session: null };
  // Created without the key, the secret comes back only as the session cookie (as Appwrite does).
  const secret = cookieFrom(res, `a_session_${server!.projectId}`);
  if (!secret) throw new Error(`no session cookie: ${res.setCookies.join(" | ")}`);
  return { res, session: { userId: res.json<{ userId: string }>().userId, secret } };
}

/** A (key, value) pair the attack puts on Object.prototype: the session cookie's name → the attacker's secret. */
const pollutionTargets = (secret: string) => {
  const cookie = `a_session_${server!.projectId}`;
  return [
    [cookie, secret],
    [`${cookie}_legacy`, secret],
    ["x-appwrite-session", secret],
    ["x-appwrite-key", "polluted"],
    ["userId", "polluted"],
  ] as const;
};

type Vector = (attacker: Session) => Promise<RawResponse[]>;

async function pollQuery(targets: readonly (readonly [string, string])[]): Promise<RawResponse[]> {
  const out: RawResponse[] = [];
  for (const [key, value] of targets) {
    for (const form of [`__proto__[${key}]`, `constructor[prototype][${key}]`, `queries[__proto__][${key}]`]) {
      out.push(await send(`/v1/account?${encodeURIComponent(form)}=${encodeURIComponent(value)}`));
      out.push(await send(`/v1/account?${form}=${encodeURIComponent(value)}`));
    }
  }
  return out;
}

const vectors: Record<string, Vector> = {
  // (a) of the review: the session cookie's name → the attacker's secret, so everyone becomes the attacker.
  "query string (session)": (attacker) => pollQuery(pollutionTargets(attacker.secret).slice(0, 2)),
  // (b) of the review: header names → junk, so even the real API key is refused.
  "query string (key)": (attacker) => pollQuery(pollutionTargets(attacker.secret).slice(2)),
  "realtime handshake query": async (attacker) => {
    const cookie = `a_session_${server!.projectId}`;
    for (const form of [
      `__proto__[${cookie}]`,
      `constructor[prototype][${cookie}]`,
      `channels[__proto__][${cookie}]`,
    ]) {
      const url = `${base().replace(/^http/, "ws")}/v1/realtime?project=${server!.projectId}&${form}=${encodeURIComponent(attacker.secret)}`;
      await new Promise<void>((resolve) => {
        const socket = new WebSocket(url);
        socket.on("message", () => socket.close());
        socket.on("close", () => resolve());
        socket.on("error", () => resolve());
      });
    }
    return [];
  },
  "JSON body": async (attacker) => {
    const payload = Object.fromEntries(pollutionTargets(attacker.secret));
    const bodies = [
      `{"__proto__":${JSON.stringify(payload)}}`,
      `{"constructor":{"prototype":${JSON.stringify(payload)}}}`,
      `{"prefs":{"__proto__":${JSON.stringify(payload)}}}`,
      `{"prefs":{"constructor":{"prototype":${JSON.stringify(payload)}}}}`,
    ];
    const out: RawResponse[] = [];
    for (const body of bodies) {
      const headers = { "content-type": "application/json", "x-appwrite-session": attacker.secret };
      out.push(await send("/v1/account/prefs", { method: "PATCH", headers, body }));
      out.push(
        await send("/v1/account/sessions/anonymous", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
      );
      out.push(await send("/v1/account/jwts", { method: "POST", headers, body }));
    }
    return out;
  },
  "multipart fields": async (attacker) => {
    const bucket = await send("/v1/storage/buckets", {
      method: "POST",
      headers: { "content-type": "application/json", "x-appwrite-key": server!.apiKey },
      body: JSON.stringify({
        bucketId: "probe",
        name: "probe",
        permissions: ['create("any")', 'read("any")'],
        fileSecurity: false,
      }),
    });
    expect(bucket.status).toBe(201);
    const out: RawResponse[] = [];
    for (const [key, value] of pollutionTargets(attacker.secret)) {
      const boundary = "----pollution";
      const field = (name: string, v: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`;
      const body =
        field("fileId", `f${Math.random().toString(36).slice(2, 10)}`) +
        field(`__proto__[${key}]`, value) +
        field(`constructor[prototype][${key}]`, value) +
        field(`permissions[__proto__][${key}]`, value) +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`;
      out.push(
        await send("/v1/storage/buckets/probe/files", {
          method: "POST",
          headers: {
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "x-appwrite-session": attacker.secret,
          },
          body,
        }),
      );
    }
    return out;
  },
  cookies: async (attacker) => {
    const cookie = `__proto__=${attacker.secret}; constructor=${attacker.secret}; prototype=x; __proto__[a_session_${server!.projectId}]=${attacker.secret}`;
    return [
      await send("/v1/account", { headers: { cookie } }),
      await send("/v1/account/sessions/anonymous", { method: "POST", headers: { cookie } }),
    ];
  },
  headers: async (attacker) => [
    await send("/v1/account", {
      headers: { __proto__: attacker.secret, constructor: attacker.secret, prototype: "x" },
    }),
    await send("/v1/account", {
      headers: { "x-fallback-cookies": `{"__proto__":{"a_session_${server!.projectId}":"${attacker.secret}"}}` },
    }),
  ],
  "permission and query strings": async (attacker) => {
    const key = { "x-appwrite-key": server!.apiKey };
    const queries = [
      `{"method":"equal","attribute":"__proto__","values":["${attacker.secret}"]}`,
      `{"method":"equal","attribute":"constructor","values":[{"prototype":{"a_session_${server!.projectId}":"${attacker.secret}"}}]}`,
      `{"method":"select","values":["__proto__"]}`,
      `{"__proto__":{"a_session_${server!.projectId}":"${attacker.secret}"},"method":"limit","values":[1]}`,
    ];
    const out: RawResponse[] = [];
    for (const q of queries) out.push(await send(`/v1/users?queries[0]=${encodeURIComponent(q)}`, { headers: key }));
    out.push(
      await send("/v1/storage/buckets", {
        method: "POST",
        headers: { "content-type": "application/json", ...key },
        body: JSON.stringify({
          bucketId: "perm",
          name: "perm",
          permissions: ['read("__proto__")', 'read("constructor")', `read("user:__proto__")`, 'create("prototype")'],
        }),
      }),
    );
    return out;
  },
};

describe("finding 1: no request can write onto every object in the local server", () => {
  it.each(Object.keys(vectors))("%s: a new guest is still themselves and the API key still works", async (name) => {
    server = await startLocalServerProcess();
    const attacker = (await anonymousSession()).session;
    expect(attacker).not.toBeNull();
    const answers = await vectors[name]!(attacker!);
    // Refused or ignored, never a crash.
    expect(answers.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.text().slice(0, 100)}`)).toEqual([]);

    // Nobody: a request with no credential is a guest, not the attacker.
    const nobody = await send("/v1/account");
    expect(nobody.status).toBe(401);

    // A new victim gets a session of their own, and it resolves to them.
    const victim = await anonymousSession();
    expect(victim.res.status, victim.res.text()).toBe(201);
    expect(victim.session!.userId).not.toBe(attacker!.userId);
    const me = await send("/v1/account", { headers: { "x-appwrite-session": victim.session!.secret } });
    expect(me.status).toBe(200);
    expect(me.json<{ $id: string }>().$id).toBe(victim.session!.userId);

    // The API key still works.
    const users = await send("/v1/users", { headers: { "x-appwrite-key": server.apiKey } });
    expect(users.status, users.text()).toBe(200);
  });
});
