// Applies the real schema and seed to a fresh in-memory local server through node-appwrite, twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { createAdminClients } from "../src/clients.ts";
import { applySchema } from "../src/apply-schema.ts";
import { buckets, tables, type TableSpec } from "../src/schema.ts";
import { isEmpty, seedDemo } from "../src/seed/seed-demo.ts";
import { DEMO_LOGINS } from "../src/seed/demo-data.ts";

let server: RunningServer;
let targets: ReturnType<typeof createAdminClients> & { databaseId: string };

beforeAll(async () => {
  server = await startServer({ memory: true, port: 0, projectId: "tenang", apiKey: "test-key" });
  targets = {
    ...createAdminClients({ endpoint: server.url, projectId: "tenang", apiKey: "test-key", databaseId: "tenang" }),
    databaseId: "tenang",
  };
});
afterAll(() => server.close());

describe("db setup", () => {
  it("creates every table, column, index and bucket, and a second run changes nothing", async () => {
    const first = await applySchema(targets, { tables, buckets }, { pollMs: 10 });
    expect(first.created).toContain("table bookings");
    expect(first.created).toContain("index offers.idx_booking_therapist");
    expect(first.created).toContain("bucket therapist-photos");

    const second = await applySchema(targets, { tables, buckets }, { pollMs: 10 });
    expect(second).toEqual({ created: [], updated: [] });

    const { columns } = await targets.tablesDB.listColumns({
      databaseId: "tenang",
      tableId: "bookings",
      queries: [Query.limit(100)],
    });
    const keys = columns.map((c) => (c as { key: string }).key);
    expect(keys).toEqual(expect.arrayContaining(["status", "version", "offeredTherapistIds", "amount"]));
  });

  it("adds a column that appears in the definition later", async () => {
    const withExtra: TableSpec[] = tables.map((t) =>
      t.id === "places" ? { ...t, columns: [...t.columns, { key: "instagram", type: "varchar", size: 64 }] } : t,
    );
    const report = await applySchema(targets, { tables: withExtra, buckets }, { pollMs: 10 });
    expect(report).toEqual({ created: ["column places.instagram"], updated: [] });
  });

  it("seeds an empty database with therapists in every area, spas and the demo logins", async () => {
    expect(await isEmpty(targets)).toBe(true);
    const seeded = await seedDemo(targets);
    expect(seeded.therapists).toBeGreaterThanOrEqual(30);
    expect(seeded.places).toBe(3);
    expect(await isEmpty(targets)).toBe(false);

    const { rows, total } = await targets.tablesDB.listRows({
      databaseId: "tenang",
      tableId: "therapists",
      queries: [Query.limit(100)],
    });
    expect(total).toBe(seeded.therapists);
    const areas = new Set(rows.map((r) => r.area as string));
    expect([...areas].sort()).toEqual(["canggu", "jimbaran", "kuta", "nusa_dua", "sanur", "seminyak", "ubud"]);
    for (const r of rows) {
      expect(Number.isInteger(r.price60)).toBe(true);
      expect(r.whatsapp).toMatch(/^\+628\d{8,11}$/);
    }

    const photo = await targets.storage.getFileView({ bucketId: "therapist-photos", fileId: rows[0]!.photoFileId as string });
    expect(Buffer.from(photo).toString("utf8")).toContain("<svg");

    const admins = await targets.users.list({ queries: [Query.equal("email", DEMO_LOGINS.admin.email)] });
    expect(admins.users[0]?.labels).toEqual(["admin"]);

    // Seeding again is harmless: nothing is duplicated.
    await seedDemo(targets);
    const again = await targets.tablesDB.listRows({ databaseId: "tenang", tableId: "therapists", queries: [Query.limit(1)] });
    expect(again.total).toBe(seeded.therapists);
  });
});
