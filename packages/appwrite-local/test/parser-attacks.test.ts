// Issue 9, findings 1 and 2: request data must never write onto Object.prototype (or any prototype), keys named
// __proto__/constructor/prototype are refused with Appwrite's 400, and malformed encodings answer 400, not 500.
// Each attack is replayed the way the review sent it, then the server is checked to still tell users apart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Account, ID, Permission, Query, Role, TablesDB, Users } from "node-appwrite";
import { API_KEY, PROJECT_ID, expectAppwriteError, startTestServer, type TestServer } from "./support/server.ts";
import { connect } from "node:net";
import { rawSocket } from "./support/realtime.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const db = new TablesDB(t.admin());
  await db.create({ databaseId: "db", name: "db" });
  await db.createTable({
    databaseId: "db",
    tableId: "notes",
    name: "notes",
    permissions: [Permission.read(Role.any()), Permission.create(Role.any())],
  });
  await db.createStringColumn({ databaseId: "db", tableId: "notes", key: "text", size: 200, required: false });
  await db.createIndex({
    databaseId: "db",
    tableId: "notes",
    key: "text_ft",
    type: "fulltext" as never,
    columns: ["text"],
  });
});
afterAll(() => t.close());

type Loose = Record<string, unknown>;
const PROTO_PROBES = ["polluted", `a_session_${PROJECT_ID}`, "x-appwrite-jwt", "x-appwrite-key", "cookie", "admin"];

afterEach(() => {
  // If a test did pollute, clean up so the next test starts from a sane process, but fail loudly first.
  const leaked = PROTO_PROBES.filter((k) => k in Object.prototype);
  for (const k of leaked) delete (Object.prototype as Loose)[k];
  expect(leaked, "Object.prototype was polluted").toEqual([]);
});

function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(`${t.url}${path}`, { ...init, headers: { "x-appwrite-project": PROJECT_ID, ...init.headers } });
}

function rawHttpStatus(request: string): Promise<number> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.on("data", (c: Buffer) => (data += c.toString()));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

async function expect400(res: Response, type = "general_argument_invalid") {
  const body = (await res.json()) as { code: number; type: string };
  expect(res.status).toBe(400);
  expect(body).toMatchObject({ code: 400, type });
}

/** After an attack: a new guest is still themself, the key still works, and plain objects are clean. */
async function expectServerUnharmed() {
  expect(({} as Loose).polluted).toBeUndefined();
  const session = await new Account(t.admin()).createAnonymousSession();
  const me = await new Account(t.withSession(session.secret)).get();
  expect(me.$id).toBe(session.userId);
  const fresh = new Account(t.guest());
  const guestSession = await fresh.createAnonymousSession();
  expect(guestSession.userId).not.toBe(session.userId);
  await new Users(t.admin()).list();
}

describe("prototype pollution (finding 1)", () => {
  it("refuses __proto__ in a query string and the server still tells users apart", async () => {
    const attacker = await new Account(t.admin()).createAnonymousSession();
    const res = await raw(
      `/account?__proto__[a_session_${PROJECT_ID}]=${encodeURIComponent(attacker.secret)}&__proto__[polluted]=yes&__proto__[x-appwrite-jwt]=bad`,
    );
    await expect400(res);
    await expectServerUnharmed();
  });

  it("refuses constructor[prototype] and nested __proto__ in a query string", async () => {
    await expect400(await raw("/account?constructor[prototype][polluted]=yes"));
    await expect400(
      await raw("/users?queries[0][__proto__][polluted]=yes", { headers: { "x-appwrite-key": API_KEY } }),
    );
    await expectServerUnharmed();
  });

  it("refuses __proto__ and constructor keys in a JSON body, at any depth", async () => {
    for (const body of [
      '{"__proto__":{"polluted":"yes"}}',
      '{"userId":"unique()","email":"p@example.com","password":"password-123","constructor":{"prototype":{"polluted":"yes"}}}',
    ]) {
      await expect400(await raw("/account", { method: "POST", headers: { "content-type": "application/json" }, body }));
    }
    // The bigint-preserving parser TablesDB uses for large integers takes the same stance.
    await expect400(
      await raw("/tablesdb/db/tables/notes/rows", {
        method: "POST",
        headers: { "content-type": "application/json", "x-appwrite-key": API_KEY },
        body: '{"rowId":"unique()","data":{"text":"x","n":12345678901234567890,"__proto__":{"text":"inherited"}}}',
      }),
    );
    await expectServerUnharmed();
  });

  it("refuses a multipart field named __proto__ or constructor", async () => {
    const bucket = "up";
    const { Storage } = await import("node-appwrite");
    await new Storage(t.admin()).createBucket({
      bucketId: bucket,
      name: bucket,
      permissions: [Permission.create(Role.any())],
    });
    for (const name of ["__proto__", "constructor", "__proto__[]"]) {
      const form = new FormData();
      form.append("fileId", "unique()");
      form.append(name, "yes");
      form.append("file", new Blob(["hello"], { type: "text/plain" }), "a.txt");
      await expect400(await raw(`/storage/buckets/${bucket}/files`, { method: "POST", body: form }));
    }
    await expectServerUnharmed();
  });

  it("refuses a cookie named __proto__ or constructor", async () => {
    await expect400(await raw("/account", { headers: { cookie: "__proto__=x; a=b" } }));
    await expect400(await raw("/account", { headers: { cookie: "constructor=x" } }));
    await expectServerUnharmed();
  });

  it("refuses a header named __proto__ and __proto__ in the fallback-cookies JSON header", async () => {
    // fetch drops a header named __proto__, so this one goes over a raw socket.
    expect(
      await rawHttpStatus(
        `GET /v1/account HTTP/1.1\r\nHost: x\r\nX-Appwrite-Project: ${PROJECT_ID}\r\n__proto__: x\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(400);
    await expect400(await raw("/account", { headers: { "x-fallback-cookies": '{"__proto__":{"polluted":"yes"}}' } }));
    await expectServerUnharmed();
  });

  it("refuses __proto__ inside Query JSON strings", async () => {
    const db = new TablesDB(t.admin());
    const bad = '{"method":"equal","attribute":"text","values":["x"],"__proto__":{"polluted":"yes"}}';
    const err = await expectAppwriteError(() => db.listRows({ databaseId: "db", tableId: "notes", queries: [bad] }));
    expect(err.code).toBe(400);
    const users = await expectAppwriteError(() => new Users(t.admin()).list({ queries: [bad] }));
    expect(users.code).toBe(400);
    await expectServerUnharmed();
  });

  it("ignores lookup-table names that exist on Object.prototype (no 500)", async () => {
    const users = await expectAppwriteError(() =>
      new Users(t.admin()).list({ queries: [Query.equal("constructor", "x")] }),
    );
    expect(users).toMatchObject({ code: 400, type: "general_query_invalid" });
    const col = await raw("/tablesdb/db/tables/notes/columns/constructor", {
      method: "POST",
      headers: { "content-type": "application/json", "x-appwrite-key": API_KEY },
      body: '{"key":"c","required":false}',
    });
    expect(col.status).toBeLessThan(500);
    const { Storage } = await import("node-appwrite");
    const bucket = "ext";
    await new Storage(t.admin()).createBucket({
      bucketId: bucket,
      name: bucket,
      permissions: [Permission.create(Role.any()), Permission.read(Role.any())],
    });
    const form = new FormData();
    form.append("fileId", "unique()");
    form.append("file", new Blob(["hello"]), "a.constructor");
    const up = await raw(`/storage/buckets/${bucket}/files`, { method: "POST", body: form });
    expect(up.status).toBe(201);
    await expectServerUnharmed();
  });

  it("refuses __proto__ in realtime messages and legacy realtime query parameters", async () => {
    const socket = await rawSocket(t);
    await socket.next("connected");
    // A string: an object literal's `__proto__:` would set the prototype instead of writing the key.
    socket.send('{"type":"subscribe","data":[{"channels":["rows"],"__proto__":{"polluted":"yes"}}]}');
    const reply = await socket.next("error");
    expect((reply.data as Loose).code).toBe(1003);
    await socket.close();
    const legacy = await rawSocket(t, `project=${PROJECT_ID}&channels[]=rows&__proto__[polluted]=yes`);
    const err = await legacy.next("error");
    expect(err).toBeTruthy();
    await legacy.close();
    await expectServerUnharmed();
  });
});

describe("oversized bodies (finding 6, local server)", () => {
  it("refuses a declared Content-Length over the limit with 413 before reading the body", async () => {
    const started = Date.now();
    const status = await rawHttpStatus(
      `POST /v1/account/sessions/anonymous HTTP/1.1\r\nHost: x\r\nX-Appwrite-Project: ${PROJECT_ID}\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{}`,
    );
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("bad encodings (finding 2)", () => {
  it("answers 400 for malformed %-encoding in a path segment", async () => {
    for (const path of ["/users/%E0%A4%A", "/tablesdb/db/tables/%ZZ/rows", "/storage/buckets/%/files"]) {
      const res = await raw(path, { headers: { "x-appwrite-key": API_KEY } });
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as Loose).type).toBe("general_argument_invalid");
    }
  });

  it("answers 400 general_query_invalid for a NUL byte in a query value", async () => {
    const db = new TablesDB(t.admin());
    await db.createRow({ databaseId: "db", tableId: "notes", rowId: ID.unique(), data: { text: "hello" } });
    for (const q of [Query.search("text", "a\u0000b"), Query.equal("text", "a\u0000b")]) {
      const err = await expectAppwriteError(() => db.listRows({ databaseId: "db", tableId: "notes", queries: [q] }));
      expect(err, q).toMatchObject({ code: 400, type: "general_query_invalid" });
    }
    const users = await expectAppwriteError(() =>
      new Users(t.admin()).list({ queries: [Query.search("name", "a\u0000b")] }),
    );
    expect(users).toMatchObject({ code: 400, type: "general_query_invalid" });
  });
});
