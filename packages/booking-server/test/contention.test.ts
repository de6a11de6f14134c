// Many people asking for the same thing at once (issue 9, Low: "contention answers 503"): every request ends in
// success or a domain refusal a person can act on (rate_limited, slot taken…), never service_unavailable or
// version_conflict for a race the server could simply redo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookingServerContext } from "../src/context";
import { createBooking } from "../src/bookings/create-booking";
import { sendMessage } from "../src/messages/send-message";
import {
  type Engine,
  TABLES,
  bookingInput,
  newCustomerId,
  newKey,
  startEngine,
  tomorrowAtWita,
} from "./support/engine";
import { rankedFor } from "./support/fixtures";
import { confirmedBooking } from "./support/flows";
import { codeOf } from "./support/settled";
import { Query } from "node-appwrite";

/** What a lost race must never be reported as. */
const RETRYABLE = ["service_unavailable", "version_conflict"];

let engine: Engine;
let contexts: BookingServerContext[];
beforeAll(async () => {
  engine = await startEngine();
  // Several "app instances", as in production: each with its own clients.
  contexts = [engine.ctx, engine.secondContext(), engine.secondContext()];
});
afterAll(() => engine.close());

const ctxFor = (i: number) => contexts[i % contexts.length]!;

describe("contention", () => {
  it("10 customers asking for one therapist's slot at once: each gets a booking or a clear refusal, never 503", async () => {
    const scheduledFor = tomorrowAtWita(engine.clock().getTime(), 14);
    const probe = bookingInput({ source: "scheduled", kind: "scheduled", scheduledFor });
    const therapistId = (await rankedFor(engine, probe))[0]!.therapist.id;
    const input = bookingInput({ source: "scheduled", kind: "scheduled", scheduledFor, therapistId });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        createBooking(ctxFor(i), { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
      ),
    );
    const codes = results.map(codeOf);
    expect(
      codes.filter((c) => !c || RETRYABLE.includes(c)),
      codes.join(","),
    ).toEqual([]);
    expect(codes.filter((c) => c === "ok").length).toBeGreaterThan(0);
  });

  it("10 Book now requests naming one therapist at once: never 503", async () => {
    const probe = bookingInput({ lat: -8.65, lng: 115.14 });
    const therapistId = (await rankedFor(engine, probe))[0]!.therapist.id;
    const input = bookingInput({ lat: -8.65, lng: 115.14, therapistId });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        createBooking(ctxFor(i), { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
      ),
    );
    const codes = results.map(codeOf);
    expect(
      codes.filter((c) => !c || RETRYABLE.includes(c)),
      codes.join(","),
    ).toEqual([]);
  });

  it("40 messages from one sender at once: stored up to the 30-a-minute limit, the rest rate_limited, never 503", async () => {
    const customerId = newCustomerId();
    const { booking } = await confirmedBooking(engine, customerId, { lat: -8.8, lng: 115.16 });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        sendMessage(ctxFor(i), {
          bookingId: booking.id,
          sender: { role: "customer", id: customerId },
          input: { kind: "text", clientMessageId: `burst-msg-${String(i).padStart(3, "0")}`, text: `hello ${i}` },
        }),
      ),
    );
    const codes = results.map(codeOf);
    expect(
      codes.filter((c) => c !== "ok" && c !== "rate_limited"),
      codes.join(","),
    ).toEqual([]);
    const stored = await engine.rows(TABLES.messages, [
      Query.equal("bookingId", booking.id),
      Query.equal("senderType", "customer"),
    ]);
    expect(stored).toHaveLength(codes.filter((c) => c === "ok").length);
    expect(stored.length).toBeGreaterThanOrEqual(30);
  });
});
