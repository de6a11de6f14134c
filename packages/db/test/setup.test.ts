// Applies the real schema and seed to a fresh in-memory local server through node-appwrite, twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { createAdminClients } from "../src/clients.ts";
import { applySchema } from "../src/apply-schema.ts";
import { buckets, tables, type TableSpec } from "../src/schema.ts";
import { moveBookingReadsToSignals } from "../src/migrations/booking-reads-to-signals.ts";
import { isEmpty, seedDemo } from "../src/seed/seed-demo.ts";
import { DEMO_LOGINS } from "../src/seed/demo-data.ts";
import { bookingInvariantViolations } from "@tenang/booking-core/lifecycle/invariants";
import { bookingSchema } from "@tenang/booking-core/schemas/booking";
import { commissionRecordSchema } from "@tenang/booking-core/schemas/commission";
import { ratingSchema } from "@tenang/booking-core/schemas/rating";
import { ratingOpenUntil } from "@tenang/booking-core/rating";

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
    expect(first.created).toEqual(
      expect.arrayContaining(["table ratings", "index ratings.idx_therapist_sequence", "table customer_holds"]),
    );

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

    const photo = await targets.storage.getFileView({
      bucketId: "therapist-photos",
      fileId: rows[0]!.photoFileId as string,
    });
    expect(Buffer.from(photo).toString("utf8")).toContain("<svg");

    const admins = await targets.users.list({ queries: [Query.equal("email", DEMO_LOGINS.admin.email)] });
    expect(admins.users[0]?.labels).toEqual(["admin"]);

    // Seeding again is harmless: nothing is duplicated.
    await seedDemo(targets);
    const again = await targets.tablesDB.listRows({
      databaseId: "tenang",
      tableId: "therapists",
      queries: [Query.limit(1)],
    });
    expect(again.total).toBe(seeded.therapists);
  });

  it("gives the demo therapist past sessions that are completed, paid and rated, consistently and once", async () => {
    const list = (tableId: string) =>
      targets.tablesDB.listRows({ databaseId: "tenang", tableId, queries: [Query.limit(100)] }).then((r) => r.rows);
    const bookings = (await list("bookings")).filter((r) => r.therapistId === "therapist-01");
    expect(bookings).toHaveLength(3);
    const therapist = await targets.tablesDB.getRow({
      databaseId: "tenang",
      tableId: "therapists",
      rowId: "therapist-01",
    });
    const ratings = await list("ratings");
    for (const row of bookings) {
      // The rows the engine reads back: valid booking-core bookings that break no invariant.
      const booking = bookingSchema.parse({
        ...row,
        id: row.$id,
        createdAt: row.$createdAt,
        updatedAt: row.$updatedAt,
      });
      expect(booking.status).toBe("completed");
      expect(bookingInvariantViolations(booking)).toEqual([]);
      expect(Date.parse(booking.completedAt!)).toBeLessThan(Date.now() - 24 * 3_600_000);
      // The booking row is staff-only (it holds the customer's contact details); the therapist reads its signal.
      expect(row.$permissions).toEqual([]);
      const signal = await targets.tablesDB.getRow({
        databaseId: "tenang",
        tableId: "booking_updates",
        rowId: row.$id,
      });
      expect(signal).toMatchObject({ bookingId: row.$id, status: "completed", version: booking.version });
      expect(signal.$permissions).toContain('read("user:demo-therapist")');

      const commission = await targets.tablesDB.getRow({
        databaseId: "tenang",
        tableId: "commissions",
        rowId: row.$id,
      });
      const record = commissionRecordSchema.parse({
        ...commission,
        id: commission.$id,
        createdAt: commission.$createdAt,
        updatedAt: commission.$updatedAt,
      });
      // Paid: nothing owed, so the sweeper never restricts the demo therapist over seed data.
      expect(record).toMatchObject({ status: "paid", amount: booking.amount, lateFee: 0 });
      // Dated when the booking was confirmed, so earnings count it on that day, not on the day the seed ran.
      expect(record.createdAt).toBe(booking.confirmedAt);

      const rating = ratingSchema.parse(ratings.find((r) => r.$id === row.$id));
      expect(rating).toMatchObject({
        bookingId: booking.id,
        customerId: booking.customerId,
        therapistId: "therapist-01",
      });
      expect(Date.parse(rating.createdAt)).toBeLessThan(Date.parse(ratingOpenUntil(booking)!));
    }
    // The three reviews are the last three counted in the therapist's totals.
    const count = therapist.ratingCount as number;
    expect(ratings.map((r) => r.providerSequence as number).sort((a, b) => a - b)).toEqual([
      count - 3,
      count - 2,
      count - 1,
    ]);
    expect(therapist.ratingSum).toBe(Math.round((therapist.rating as number) * count));
    expect(Date.parse(String(therapist.lastBookingAt))).toBe(
      Math.max(...bookings.map((b) => Date.parse(String(b.completedAt)))),
    );

    await seedDemo(targets);
    expect((await list("bookings")).filter((r) => r.therapistId === "therapist-01")).toHaveLength(3);
    expect(await list("ratings")).toHaveLength(3);
    expect(await list("commissions")).toHaveLength(3);
  });

  it("moves the readers of bookings written before issue 9 to their booking_updates signal, once", async () => {
    const [seeded] = (
      await targets.tablesDB.listRows({ databaseId: "tenang", tableId: "bookings", queries: [Query.limit(1)] })
    ).rows;
    const data = Object.fromEntries(Object.entries(seeded!).filter(([key]) => !key.startsWith("$")));
    const readers = ['read("user:old-guest")', 'read("user:demo-therapist")'];
    // A row as the engine wrote it before: readable by the customer and the therapist, and no signal row.
    await targets.tablesDB.createRow({
      databaseId: "tenang",
      tableId: "bookings",
      rowId: "legacy-booking-1",
      data: { ...data, customerId: "old-guest", idempotencyKey: "legacy-key-0000001" },
      permissions: readers,
    });
    expect(await moveBookingReadsToSignals(targets)).toBe(1);
    const row = await targets.tablesDB.getRow({ databaseId: "tenang", tableId: "bookings", rowId: "legacy-booking-1" });
    expect(row.$permissions).toEqual([]);
    const signal = await targets.tablesDB.getRow({
      databaseId: "tenang",
      tableId: "booking_updates",
      rowId: "legacy-booking-1",
    });
    expect(signal).toMatchObject({ bookingId: "legacy-booking-1", status: row.status, version: row.version });
    expect([...signal.$permissions].sort()).toEqual([...readers].sort());
    expect(await moveBookingReadsToSignals(targets)).toBe(0);
  });
});
