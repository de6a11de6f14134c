// Several workers against one Appwrite (issue 11 §1): three worker processes, 1,000 bookings falling due at once,
// one worker killed with SIGKILL in the middle. Every booking must be advanced exactly once, the killed worker's
// share must be taken over once its lease runs out, and the first deadline must be acted on within a second.
//
// The bookings are spa requests past their response deadline (searching → expired, no therapist involved), written
// in bulk as copies of one real booking, so the test measures the workers and not the seeding.
import { createBooking } from "@tenang/booking-server/bookings/create-booking";
import { createBookingServerContext } from "@tenang/booking-server/context";
import { readWorkerHealth } from "@tenang/booking-server/jobs/worker-heartbeat-repository";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { createBookingInputSchema } from "@tenang/booking-core/schemas/booking";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startWorker, type RunningWorker } from "@tenang/testing/worker";
import { type Models, Query } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BOOKINGS = 1000;
const LEASE_MS = 3000;

let stack: LocalStack;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await stack?.close();
});

const db = () => ({ databaseId: stack.databaseId, tablesDB: stack.admin.tablesDB });

async function countRows(tableId: string, queries: string[]): Promise<number> {
  const { databaseId, tablesDB } = db();
  return (await tablesDB.listRows({ databaseId, tableId, queries: [...queries, Query.limit(1)] })).total;
}

async function allRows(tableId: string, queries: string[]): Promise<Models.DefaultRow[]> {
  const { databaseId, tablesDB } = db();
  const out: Models.DefaultRow[] = [];
  for (;;) {
    const last = out.at(-1);
    const page = await tablesDB.listRows({
      databaseId,
      tableId,
      queries: [...queries, Query.orderAsc("$id"), Query.limit(500), ...(last ? [Query.cursorAfter(last.$id)] : [])],
      total: false,
    });
    out.push(...page.rows);
    if (page.rows.length < 500) return out;
  }
}

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Writes `count` copies of one real spa request, all past their response deadline at `deadline`. */
async function seedDueBookings(count: number, deadline: Date): Promise<string[]> {
  // Made at the last noon in Bali (WITA, UTC+8), when the spa is open; the copies' deadline is what matters.
  const hour = 3_600_000;
  const noonWita = Math.floor((Date.now() + 8 * hour - 12 * hour) / (24 * hour)) * 24 * hour + 4 * hour;
  const ctx = createBookingServerContext({ ...stack, clock: () => new Date(noonWita) });
  const input = createBookingInputSchema.parse({
    source: "bookNow",
    kind: "immediate",
    providerType: "place",
    placeId: "place-02",
    duration: 60,
    customerName: "Emma Clarke",
    customerWhatsapp: "0812 3456 7890",
    address: "Jl. Kayu Aya No. 7, Seminyak",
    lat: -8.6913,
    lng: 115.1682,
  });
  const view = await createBooking(ctx, { customerId: "load-customer", input, idempotencyKey: "load-original-key-1" });
  expect(view.booking).toMatchObject({ status: "searching", providerType: "place" });
  const { databaseId, tablesDB } = db();
  const original = await tablesDB.getRow({ databaseId, tableId: TABLES.bookings, rowId: view.booking.id });
  const columns = Object.fromEntries(Object.entries(original).filter(([key]) => !key.startsWith("$")));
  const ids = Array.from({ length: count }, (_, i) => `load-${String(i).padStart(4, "0")}`);
  for (let i = 0; i < ids.length; i += 100) {
    await tablesDB.createRows({
      databaseId,
      tableId: TABLES.bookings,
      rows: ids.slice(i, i + 100).map((id) => ({
        ...columns,
        $id: id,
        $permissions: original.$permissions,
        customerId: `load-customer-${id}`,
        idempotencyKey: `load-key-${id}`,
        responseDeadline: deadline.toISOString(),
      })),
    });
  }
  return ids;
}

describe("three workers, 1,000 due bookings, one killed mid-run", () => {
  it("advances every booking exactly once, and the survivors take the dead worker's share over", async () => {
    const env = { ...stack.appEnv, WORKER_LEASE_MS: String(LEASE_MS), WORKER_MAX_SLEEP_MS: "2000" };
    workers.push(...(await Promise.all([0, 1, 2].map((i) => startWorker({ ...env, WORKER_ID: `load-worker-${i}` })))));
    await waitUntil("three live workers", 10_000, async () => (await readWorkerHealth(ctxNow())).liveWorkers === 3);

    // Longer ahead than the workers' longest sleep: they see it coming and sleep exactly to it.
    const deadline = new Date(Date.now() + 4000);
    const ids = await seedDueBookings(BOOKINGS, deadline);
    expect(Date.now()).toBeLessThan(deadline.getTime());
    const isLoad = Query.startsWith("$id", "load-");
    const expired = () => countRows(TABLES.bookings, [isLoad, Query.equal("status", "expired")]);

    // Kill one worker once the run is well under way (a tenth done), whatever it is in the middle of.
    await waitUntil("a tenth of the bookings expired", 60_000, async () => (await expired()) >= BOOKINGS / 10);
    await workers[1]!.kill();
    const killedAt = Date.now();
    expect(await expired()).toBeLessThan(BOOKINGS);

    await waitUntil("every booking expired", 90_000, async () => (await expired()) === BOOKINGS);
    console.log(`all ${BOOKINGS} expired ${Date.now() - killedAt} ms after the kill`);

    // Exactly once: one response_deadline_passed transition per booking, from version 1, and version 2 now.
    const bookings = await allRows(TABLES.bookings, [isLoad, Query.select(["$id", "status", "version"])]);
    expect(bookings).toHaveLength(BOOKINGS);
    expect(bookings.filter((b) => b.status !== "expired" || b.version !== 2)).toEqual([]);
    const transitions = await allRows(TABLES.bookingTransitions, [Query.startsWith("bookingId", "load-")]);
    expect(transitions).toHaveLength(BOOKINGS);
    expect(new Set(transitions.map((t) => t.bookingId)).size).toBe(BOOKINGS);
    expect(transitions.every((t) => t.event === "response_deadline_passed" && t.fromVersion === 1)).toBe(true);
    expect(new Set(transitions.map((t) => t.bookingId))).toEqual(new Set(ids));

    // The first deadline was acted on within a second of passing.
    const firstAt = Math.min(...transitions.map((t) => Date.parse(t.$createdAt)));
    expect(firstAt - deadline.getTime()).toBeGreaterThanOrEqual(0);
    expect(firstAt - deadline.getTime()).toBeLessThan(1000);

    // Each survivor did part of the work and said so in one line per job pass that did something.
    for (const worker of [workers[0]!, workers[2]!]) expect(worker.output()).toMatch(/response-deadlines: \d+ done/);

    // The heartbeat: the killed worker's lease ran out, the two others are live and caught up.
    await waitUntil("the dead worker's lease to run out and lag to return to 0", 15_000, async () => {
      const health = await readWorkerHealth(ctxNow());
      return health.liveWorkers === 2 && health.lagMs === 0;
    });
    const health = await readWorkerHealth(ctxNow());
    expect(health).toMatchObject({ status: "ok", liveWorkers: 2, jobsFailed: 0 });
    expect(health.jobsDone).toBeGreaterThan(0);

    // A worker stopped on purpose gives its lease up at once.
    await Promise.all([workers[0]!.stop(), workers[2]!.stop()]);
    expect(await readWorkerHealth(ctxNow())).toMatchObject({ status: "none", liveWorkers: 0 });
  });
});

function ctxNow() {
  return createBookingServerContext(stack);
}
