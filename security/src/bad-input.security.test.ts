// Bad encodings and oversized bodies, on every route the apps have (read from the route files):
// - a malformed %-encoding in any path id, of any dynamic route or page → 400, never 500 (issue 9, low);
// - a NUL byte in chat search → 400, in the app and in the local server (issue 9, low);
// - a body over the route's limit → 413 before it is read: a 2 MB JSON body, the same chunked with no
//   Content-Length, and 8 concurrent large streams that must not grow the app's memory (finding 6).
import fs from "node:fs";
import path from "node:path";
import type { AppName } from "@tenang/testing/next-app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./support/http";
import { processTreeOfPort, treeRssBytes } from "./support/process-memory";
import { fillPattern, listDynamicPages, listRouteFiles, repoRoot, type RouteFile } from "./support/routes";
import {
  call,
  cookieHeader,
  setUpPeople,
  startSecurityWorld,
  type Actor,
  type People,
  type SecurityWorld,
} from "./support/world";

let world: SecurityWorld;
let people: People;

beforeAll(async () => {
  world = await startSecurityWorld();
  people = await setUpPeople(world);
});
afterAll(async () => {
  await world?.close();
});

const routes = listRouteFiles();
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The caller that gets furthest into each app: the owner of booking A. */
function ownerOf(app: AppName): Actor {
  return app === "customer" ? people.guestA.actor : app === "therapist-dashboard" ? people.therapistA : people.admin;
}

function realPath(route: Pick<RouteFile, "pattern">): string {
  return route.pattern
    .replace("[id]", route.pattern.includes("/offers/") ? people.offerA : people.bookingA)
    .replace("[fileId]", route.pattern.includes("/images/") ? people.photoA : "photo-therapist-01");
}

const source = (route: RouteFile) => fs.readFileSync(path.join(repoRoot, route.file), "utf8");
/** Routes whose handler reads the request body (JSON, a form, or an upload; the app kit's login and locale routes). */
const readsBody = (route: RouteFile) =>
  /readJson|readOptionalJson|readMultipartForm|readUpload|loginRoute|localeRoute|pushRoutes|request\.(json|text|formData|arrayBuffer)/.test(
    source(route),
  );
const takesUpload = (route: RouteFile) => /readMultipartForm|readUpload/.test(source(route));

// Not valid percent-encoding, or percent-encoding of bytes that are not UTF-8.
const BAD_IDS = ["%zz", "%E0%A4%A", "abc%", "%C0%AF", "%ED%A0%80"];

describe("malformed %-encoding in a path id answers 400, never 500", () => {
  it("in every dynamic API route, for every method", async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0)) {
      for (const method of route.methods) {
        for (const bad of BAD_IDS) {
          // Each param in turn is the bad one; the others are real, so the bad one is what decides the answer.
          for (let i = 0; i < route.params.length; i += 1) {
            const real = realPath(route).split("/");
            const pattern = route.pattern.split("/");
            let seen = 0;
            const url = pattern
              .map((seg, k) => (seg.startsWith("[") ? (seen++ === i ? bad : real[k]!) : seg))
              .join("/");
            const res = await call(world, route.app, method, url, {
              as: ownerOf(route.app),
              json: method === "GET" ? undefined : {},
            });
            if (res.status !== 400) wrong.push(`${route.app} ${method} ${url}: ${res.status}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("in every dynamic page", async () => {
    const wrong: string[] = [];
    for (const page of listDynamicPages()) {
      for (const bad of BAD_IDS) {
        const url = fillPattern(
          page.pattern,
          page.params.map(() => bad),
        );
        const res = await call(world, page.app, "GET", url, { as: ownerOf(page.app) });
        if (res.status !== 400) wrong.push(`${page.app} GET ${url}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("a NUL byte in chat search answers 400", () => {
  it("through the customer app", async () => {
    for (const q of ["%00", "hello%00world", "%00%00%00"]) {
      const res = await call(world, "customer", "GET", `/api/bookings/${people.bookingA}/messages/search?q=${q}`, {
        as: people.guestA.actor,
      });
      expect(res.status, `q=${q}: ${res.text().slice(0, 100)}`).toBe(400);
    }
  });

  it("in the local server, even with the API key", async () => {
    const query = JSON.stringify({ method: "search", attribute: "text", values: ["a\u0000b"] });
    const res = await rawRequest(
      world.stack.endpoint.replace(/\/v1$/, ""),
      `/v1/tablesdb/${world.stack.databaseId}/tables/messages/rows?queries[0]=${encodeURIComponent(query)}`,
      { headers: { "x-appwrite-project": world.stack.projectId, "x-appwrite-key": world.stack.apiKey } },
    );
    expect(res.status, res.text().slice(0, 200)).toBe(400);
  });
});

describe("finding 6: bodies over a route's limit are refused (413) before they are read", () => {
  const TWO_MB = 2 * 1024 * 1024;
  const jsonOf = (bytes: number) => Buffer.from(`{"text":"${"a".repeat(bytes)}"}`);
  const multipartOf = (bytes: number) => {
    const boundary = "----oversized";
    return {
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        Buffer.alloc(bytes, 0x41),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    };
  };
  function* chunksOf(body: Buffer, size = 64 * 1024): Generator<Buffer> {
    for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
  }

  /** Every write route; a route that never reads its body may also answer as usual (it reads nothing). */
  const writes = routes
    .flatMap((route) => route.methods.filter((m) => WRITE_METHODS.has(m)).map((method) => ({ route, method })))
    // Sign-outs end the sessions the other routes are called with: last.
    .sort((a, b) => Number(a.route.pattern.includes("logout")) - Number(b.route.pattern.includes("logout")));

  it("a 2 MB JSON body (or an upload past its cap), with Content-Length and chunked without one", async () => {
    expect(writes.length).toBeGreaterThan(25);
    const wrong: string[] = [];
    for (const { route, method } of writes) {
      // Uploads take files up to 10 MB: past that is their "oversized".
      const big = takesUpload(route)
        ? multipartOf(11 * 1024 * 1024)
        : { contentType: "application/json", body: jsonOf(TWO_MB) };
      const headers = { ...cookieHeader(ownerOf(route.app)), "content-type": big.contentType };
      const url = realPath(route);
      for (const mode of ["content-length", "chunked"] as const) {
        const res = await rawRequest(world.url(route.app), url, {
          method,
          headers,
          ...(mode === "chunked" ? { chunks: chunksOf(big.body) } : { body: big.body }),
        }).catch((error: Error) => ({ status: -1, text: () => error.message }));
        const fine = res.status === 413 || (!readsBody(route) && res.status > 0 && res.status < 500);
        if (!fine)
          wrong.push(`${route.app} ${method} ${route.pattern} (${mode}): ${res.status} ${res.text().slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("8 concurrent 24 MB streams to a sign-in route: all 413, and the app's memory barely moves", async () => {
    const app = world.apps["therapist-dashboard"]!;
    const port = Number(new URL(app.url).port);
    const pids = processTreeOfPort(port);
    // Warm the route so its first compile and caches are not counted as the attack's.
    for (let i = 0; i < 3; i += 1) {
      await call(world, "therapist-dashboard", "POST", "/api/auth/login", { json: { login: "x@y.id", password: "z" } });
    }
    const before = treeRssBytes(pids);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(pids))), 50);
    const body = Buffer.from(`{"login":"x@y.id","password":"${"p".repeat(24 * 1024 * 1024)}"}`);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        rawRequest(app.url, "/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          chunks: chunksOf(body),
        }).then(
          (r) => r.status,
          (error: Error) => `error: ${error.message}`,
        ),
      ),
    );
    clearInterval(sampler);
    peak = Math.max(peak, treeRssBytes(pids));
    const grownMb = (peak - before) / 1024 / 1024;
    console.log(`8 × 24 MB sign-in bodies: answers ${answers.join(",")}, RSS +${grownMb.toFixed(0)} MB`);
    expect(answers).toEqual(Array.from({ length: 8 }, () => 413));
    // 8 × 24 MB read and parsed would be hundreds of MB; refused unread, a few MB of socket buffers.
    expect(grownMb, `RSS grew by ${grownMb.toFixed(0)} MB`).toBeLessThan(64);
  });
});
