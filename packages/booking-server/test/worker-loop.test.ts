// The worker loop in-process, on the real clock: it sleeps to an offer's deadline and moves the booking on within a
// second of it, logs one line for that and nothing for the idle passes around it, and gives its lease up on stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import { createBooking } from "../src/bookings/create-booking";
import { createBookingServerContext } from "../src/context";
import { listLiveWorkers, readWorkerHealth } from "../src/jobs/worker-heartbeat-repository";
import { runWorker } from "../src/jobs/worker-loop";
import { type Engine, TABLES, bookingInput, newCustomerId, newKey, startEngine } from "./support/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

describe("runWorker", () => {
  it("acts on a deadline within a second, logs only what it did, and ends its lease on stop", async () => {
    const ctx = createBookingServerContext({ ...engine.stack, offerWindowSeconds: 3 });
    const lines: string[] = [];
    const controller = new AbortController();
    const running = runWorker(ctx, {
      workerId: "loop-test-worker",
      maxSleepMs: 2000,
      leaseMs: 3000,
      signal: controller.signal,
      log: (line) => lines.push(line),
    });
    try {
      const view = await createBooking(ctx, {
        customerId: newCustomerId(),
        input: bookingInput(),
        idempotencyKey: newKey(),
      });
      const deadline = Date.parse(view.booking.offerExpiresAt!);
      for (;;) {
        const [moved] = await engine.rows(TABLES.bookingTransitions, [
          Query.equal("bookingId", view.booking.id),
          Query.equal("fromVersion", 1),
        ]);
        if (moved) {
          expect(moved.event).toBe("offer_timed_out");
          expect(Date.parse(moved.$createdAt) - deadline).toBeLessThan(1000);
          break;
        }
        expect(Date.now() - deadline).toBeLessThan(5000);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await readWorkerHealth(ctx)).toMatchObject({ status: "ok", liveWorkers: 1, jobsFailed: 0 });
    } finally {
      controller.abort();
      await running;
    }
    expect(lines).toEqual(["offer-deadlines: 1 done"]);
    expect(await listLiveWorkers(ctx, new Date())).toEqual([]);
  });
});
