// Contract: TablesDB transactions through node-appwrite – staging (mock rows, reads that see staged state),
// createOperations, commit (atomic, events only on commit), rollback, every error case, persistence across restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Permission, Query, Role, TablesDB } from "node-appwrite";
import { startServer } from "../src/server.ts";
import type { RealtimeEvent } from "../src/events.ts";
import { appwriteError, createUserWithSession, startTestServer, type TestServer } from "./helpers/server.ts";

let t: TestServer;
let db: TablesDB;
const D = "tx";
const T = "accounts";
const base = { databaseId: D, tableId: T };

beforeAll(async () => {
  t = await startTestServer();
  db = new TablesDB(t.adminClient());
  await db.create({ databaseId: D, name: "Tx" });
  await db.createTable({
    databaseId: D,
    tableId: T,
    name: "Accounts",
    permissions: [Permission.read(Role.users()), Permission.write(Role.users())],
  });
  await db.createVarcharColumn({ ...base, key: "owner", size: 20, required: true });
  await db.createIntegerColumn({ ...base, key: "balance", required: false });
  await db.createIndex({ ...base, key: "u_owner", type: "unique" as never, columns: ["owner"] });
  await db.createRow({ ...base, rowId: "alice", data: { owner: "alice", balance: 100 } });
  await db.createRow({ ...base, rowId: "bob", data: { owner: "bob", balance: 50 } });
});
afterAll(() => t.close());

describe("lifecycle", () => {
  it("create (ttl 60–3600, default 300), get, list, delete", async () => {
    const before = Date.now();
    const tx = await db.createTransaction();
    expect(tx).toMatchObject({ status: "pending", operations: 0 });
    const ttl = Date.parse(tx.expiresAt) - before;
    expect(ttl).toBeGreaterThan(299_000);
    expect(ttl).toBeLessThan(301_000);
    expect(await db.getTransaction({ transactionId: tx.$id })).toMatchObject({ $id: tx.$id, status: "pending" });
    expect((await db.listTransactions()).transactions.map((x) => x.$id)).toContain(tx.$id);
    expect(
      (await db.listTransactions({ queries: [Query.equal("status", "committed")] })).transactions.map((x) => x.$id),
    ).not.toContain(tx.$id);
    await db.deleteTransaction({ transactionId: tx.$id });
    expect(await appwriteError(() => db.getTransaction({ transactionId: tx.$id }))).toMatchObject({
      code: 404,
      type: "transaction_not_found",
    });
    expect(await appwriteError(() => db.createTransaction({ ttl: 59 }))).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
    expect(await appwriteError(() => db.createTransaction({ ttl: 3601 }))).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
  });
});

describe("staging and commit", () => {
  it("staged writes return mock rows, leave the table alone, and are visible with transactionId", async () => {
    const tx = await db.createTransaction();
    const mock = await db.createRow({
      ...base,
      rowId: "carol",
      data: { owner: "carol", balance: 10 },
      transactionId: tx.$id,
    });
    expect(mock).toMatchObject({
      $id: "carol",
      $sequence: "",
      $tableId: T,
      $databaseId: D,
      owner: "carol",
      balance: 10,
    });
    const updated = await db.updateRow({ ...base, rowId: "alice", data: { balance: 90 }, transactionId: tx.$id });
    expect(updated).toMatchObject({ $id: "alice", owner: "alice", balance: 90 });
    await db.incrementRowColumn({ ...base, rowId: "bob", column: "balance", value: 10, transactionId: tx.$id });
    await db.deleteRow({ ...base, rowId: "carol", transactionId: tx.$id });
    await db.createRow({ ...base, rowId: "dave", data: { owner: "dave" }, transactionId: tx.$id });
    expect((await db.getTransaction({ transactionId: tx.$id })).operations).toBe(5);

    expect((await db.listRows(base)).rows.map((r) => r.$id)).toEqual(["alice", "bob"]);
    expect((await db.getRow({ ...base, rowId: "alice" })).balance).toBe(100);
    const seen = await db.listRows({ ...base, transactionId: tx.$id });
    expect(seen.rows.map((r) => [r.$id, r.balance])).toEqual([
      ["alice", 90],
      ["bob", 60],
      ["dave", null],
    ]);
    expect(seen.total).toBe(3);
    expect((await db.getRow({ ...base, rowId: "alice", transactionId: tx.$id })).balance).toBe(90);
    expect(await appwriteError(() => db.getRow({ ...base, rowId: "carol", transactionId: tx.$id }))).toMatchObject({
      code: 404,
    });

    const events: RealtimeEvent[] = [];
    const off = t.server.app.bus.subscribe((e) => events.push(e));
    const committed = await db.updateTransaction({ transactionId: tx.$id, commit: true });
    off();
    expect(committed.status).toBe("committed");
    expect((await db.listRows(base)).rows.map((r) => [r.$id, r.balance])).toEqual([
      ["alice", 90],
      ["bob", 60],
      ["dave", null],
    ]);
    // Like Appwrite, events carry each row's state after the commit, so carol (created then deleted) has no create.
    expect(events.map((e) => e.events[0])).toEqual([
      "tablesdb.tx.tables.accounts.rows.alice.update",
      "tablesdb.tx.tables.accounts.rows.bob.update",
      "tablesdb.tx.tables.accounts.rows.carol.delete",
      "tablesdb.tx.tables.accounts.rows.dave.create",
    ]);
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx.$id, commit: true }))).toMatchObject({
      code: 400,
      type: "transaction_not_ready",
    });
    expect(
      await appwriteError(() =>
        db.createRow({ ...base, rowId: "late", data: { owner: "late" }, transactionId: tx.$id }),
      ),
    ).toMatchObject({
      code: 400,
      type: "transaction_not_ready",
    });
  });

  it("createOperations stages a batch; commit applies it atomically", async () => {
    const tx = await db.createTransaction();
    const staged = await db.createOperations({
      transactionId: tx.$id,
      operations: [
        { action: "create", databaseId: D, tableId: T, rowId: "erin", data: { owner: "erin", balance: 1 } },
        { action: "update", databaseId: D, tableId: T, rowId: "erin", data: { balance: 2 } },
        { action: "increment", databaseId: D, tableId: T, rowId: "alice", data: { column: "balance", value: 5 } },
        { action: "upsert", databaseId: D, tableId: T, rowId: "frank", data: { owner: "frank" } },
      ],
    });
    expect(staged.operations).toBe(4);
    await db.updateTransaction({ transactionId: tx.$id, commit: true });
    expect((await db.getRow({ ...base, rowId: "erin" })).balance).toBe(2);
    expect((await db.getRow({ ...base, rowId: "alice" })).balance).toBe(95);
    expect((await db.getRow({ ...base, rowId: "frank" })).owner).toBe("frank");
  });

  it("rollback marks the transaction failed and applies nothing", async () => {
    const tx = await db.createTransaction();
    await db.createRow({ ...base, rowId: "ghost", data: { owner: "ghost" }, transactionId: tx.$id });
    const rolled = await db.updateTransaction({ transactionId: tx.$id, rollback: true });
    expect(rolled.status).toBe("failed");
    expect(await appwriteError(() => db.getRow({ ...base, rowId: "ghost" }))).toMatchObject({ code: 404 });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx.$id, commit: true }))).toMatchObject({
      code: 400,
      type: "transaction_not_ready",
    });
  });

  it("bulk operations can be staged with the API key", async () => {
    const tx = await db.createTransaction();
    const staged = await db.createRows({
      ...base,
      rows: [
        { $id: "g1", owner: "g1" },
        { $id: "g2", owner: "g2" },
      ],
      transactionId: tx.$id,
    });
    expect(staged.total).toBe(2);
    await db.deleteRows({ ...base, queries: [Query.equal("owner", "g1")], transactionId: tx.$id });
    await db.updateTransaction({ transactionId: tx.$id, commit: true });
    expect((await db.listRows({ ...base, queries: [Query.startsWith("owner", "g")] })).rows.map((r) => r.$id)).toEqual([
      "g2",
    ]);
  });
});

describe("commit failures", () => {
  it("a row changed outside the transaction after staging is a conflict; nothing is applied", async () => {
    const tx = await db.createTransaction();
    await db.createRow({ ...base, rowId: "hank", data: { owner: "hank" }, transactionId: tx.$id });
    await db.updateRow({ ...base, rowId: "bob", data: { balance: 0 }, transactionId: tx.$id });
    await new Promise((r) => setTimeout(r, 3));
    await db.updateRow({ ...base, rowId: "bob", data: { balance: 61 } });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx.$id, commit: true }))).toMatchObject({
      code: 409,
      type: "transaction_conflict",
    });
    expect((await db.getTransaction({ transactionId: tx.$id })).status).toBe("failed");
    expect(await appwriteError(() => db.getRow({ ...base, rowId: "hank" }))).toMatchObject({ code: 404 });
    expect((await db.getRow({ ...base, rowId: "bob" })).balance).toBe(61);
  });

  it("duplicate IDs and unique violations are conflicts", async () => {
    const tx = await db.createTransaction();
    await db.createRow({ ...base, rowId: "alice", data: { owner: "someone" }, transactionId: tx.$id });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx.$id, commit: true }))).toMatchObject({
      code: 409,
      type: "transaction_conflict",
    });
    const tx2 = await db.createTransaction();
    await db.createRow({ ...base, rowId: "ivy", data: { owner: "alice" }, transactionId: tx2.$id });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx2.$id, commit: true }))).toMatchObject({
      code: 409,
      type: "transaction_conflict",
    });
  });

  it("invalid data fails the commit with document_invalid_structure", async () => {
    const tx = await db.createTransaction();
    await db.createRow({ ...base, rowId: "jack", data: { owner: "jack", nope: 1 }, transactionId: tx.$id });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx.$id, commit: true }))).toMatchObject({
      code: 400,
      type: "document_invalid_structure",
      message: 'Invalid document structure: Unknown attribute: "nope"',
    });
  });

  it("staging errors: missing rows, unknown transactions, limits, expiry", async () => {
    const tx = await db.createTransaction();
    expect(
      await appwriteError(() =>
        db.updateRow({ ...base, rowId: "nobody", data: { balance: 1 }, transactionId: tx.$id }),
      ),
    ).toMatchObject({
      code: 404,
      type: "row_not_found",
    });
    expect(
      await appwriteError(() =>
        db.createOperations({
          transactionId: tx.$id,
          operations: [{ action: "delete", databaseId: D, tableId: T, rowId: "nobody" }],
        }),
      ),
    ).toMatchObject({ code: 404 });
    expect(
      await appwriteError(() =>
        db.createOperations({ transactionId: tx.$id, operations: [{ action: "update", databaseId: D, tableId: T }] }),
      ),
    ).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
    expect(
      await appwriteError(() =>
        db.createRow({ ...base, rowId: "x", data: { owner: "x" }, transactionId: "doesnotexist" }),
      ),
    ).toMatchObject({
      code: 404,
      type: "transaction_not_found",
    });
    const ops = Array.from({ length: 101 }, (_, i) => ({
      action: "create",
      databaseId: D,
      tableId: T,
      rowId: `bulk${i}`,
      data: { owner: `bulk${i}` },
    }));
    expect(await appwriteError(() => db.createOperations({ transactionId: tx.$id, operations: ops }))).toMatchObject({
      code: 400,
      type: "transaction_limit_exceeded",
    });
    await db.createOperations({ transactionId: tx.$id, operations: ops.slice(0, 100) });
    expect(
      await appwriteError(() =>
        db.createRow({ ...base, rowId: "one-more", data: { owner: "m" }, transactionId: tx.$id }),
      ),
    ).toMatchObject({
      code: 400,
      type: "transaction_limit_exceeded",
    });

    const old = await db.createTransaction({ ttl: 60 });
    t.server.app.db
      .prepare("UPDATE _tdb_transactions SET expires_at = ? WHERE id = ?")
      .run("2000-01-01T00:00:00.000+00:00", old.$id);
    expect(
      await appwriteError(() =>
        db.createRow({ ...base, rowId: "late", data: { owner: "late" }, transactionId: old.$id }),
      ),
    ).toMatchObject({
      code: 410,
      type: "transaction_expired",
    });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: old.$id, commit: true }))).toMatchObject({
      code: 410,
      type: "transaction_expired",
    });
    expect(await appwriteError(() => db.updateTransaction({ transactionId: tx.$id }))).toMatchObject({
      code: 400,
      type: "general_bad_request",
    });
  });
});

describe("sessions", () => {
  it("a session sees and commits only its own transactions", async () => {
    const alice = await createUserWithSession(t);
    const bob = await createUserWithSession(t);
    const aliceDb = new TablesDB(alice.client);
    const tx = await aliceDb.createTransaction();
    await aliceDb.createRow({ ...base, rowId: "by-alice", data: { owner: "by-alice" }, transactionId: tx.$id });
    expect(await appwriteError(() => new TablesDB(bob.client).getTransaction({ transactionId: tx.$id }))).toMatchObject(
      { code: 404, type: "transaction_not_found" },
    );
    expect((await new TablesDB(bob.client).listTransactions()).total).toBe(0);
    await aliceDb.updateTransaction({ transactionId: tx.$id, commit: true });
    const row = await db.getRow({ ...base, rowId: "by-alice" });
    expect(row.$permissions).toContain(`read("user:${alice.userId}")`);
    const second = await aliceDb.createTransaction();
    expect(
      await appwriteError(() =>
        aliceDb.createOperations({
          transactionId: second.$id,
          operations: [{ action: "bulkCreate", databaseId: D, tableId: T, data: [] }],
        }),
      ),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
  });
});

// Issue 9 (low): guests created 5,000 transactions in 3.8 s. Appwrite's transaction routes list only admin, key,
// session and JWT callers (TablesDB/Transactions/*.php `auth:`), so a caller without credentials gets 401.
describe("guests", () => {
  it("cannot create, list, read, stage on, commit or delete transactions", async () => {
    const guest = new TablesDB(t.guestClient());
    const tx = await db.createTransaction();
    const calls: Array<() => Promise<unknown>> = [
      () => guest.createTransaction(),
      () => guest.listTransactions(),
      () => guest.getTransaction({ transactionId: tx.$id }),
      () => guest.updateTransaction({ transactionId: tx.$id, commit: true }),
      () => guest.deleteTransaction({ transactionId: tx.$id }),
      () =>
        guest.createOperations({
          transactionId: tx.$id,
          operations: [{ action: "create", databaseId: D, tableId: T, rowId: "g", data: { owner: "g" } }],
        }),
    ];
    for (const call of calls) expect(await appwriteError(call)).toMatchObject({ code: 401, type: "user_unauthorized" });
    expect((await db.listTransactions()).transactions.map((x) => x.$id)).toContain(tx.$id);
  });
});

describe("persistence", () => {
  it("staged operations survive a restart and commit afterwards", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tablesdb-tx-"));
    try {
      const opts = { dataDir: dir, port: 0, apiKey: "k", projectId: "p" };
      const first = await startServer(opts);
      const c1 = new TablesDB(new Client().setEndpoint(first.url).setProject("p").setKey("k"));
      await c1.create({ databaseId: "d", name: "D" });
      await c1.createTable({ databaseId: "d", tableId: "t", name: "T" });
      await c1.createVarcharColumn({ databaseId: "d", tableId: "t", key: "n", size: 5, required: false });
      const tx = await c1.createTransaction();
      await c1.createRow({ databaseId: "d", tableId: "t", rowId: "r", data: { n: "x" }, transactionId: tx.$id });
      await first.close();
      const second = await startServer(opts);
      const c2 = new TablesDB(new Client().setEndpoint(second.url).setProject("p").setKey("k"));
      expect((await c2.getTransaction({ transactionId: tx.$id })).operations).toBe(1);
      await c2.updateTransaction({ transactionId: tx.$id, commit: true });
      expect((await c2.getRow({ databaseId: "d", tableId: "t", rowId: "r" })).n).toBe("x");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
