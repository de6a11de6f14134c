// Search within one booking's chat against the local server's fulltext index: matching texts only, in conversation
// order, for the people who may read the chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, newCustomerId, startEngine } from "../../test/support/engine";
import { confirmedBooking } from "../../test/support/flows";
import { searchMessages } from "./search-messages";
import { sendMessage } from "./send-message";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

describe("searchMessages", () => {
  it("finds this booking's messages with the words, oldest first; strangers get not_found", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const { booking, therapistId } = await confirmedBooking(engine, customerId, { lat: -8.65, lng: 115.14 });
    const other = newCustomerId();
    const elsewhere = await confirmedBooking(engine, other, { lat: -8.72, lng: 115.17 });
    const say = (bookingId: string, sender: { role: "customer" | "therapist"; id: string }, n: number, text: string) =>
      sendMessage(ctx, {
        bookingId,
        sender,
        input: { kind: "text", clientMessageId: `search-msg-${String(n).padStart(4, "0")}`, text },
      });
    const customer = { role: "customer", id: customerId } as const;
    const therapist = { role: "therapist", id: therapistId } as const;
    await say(booking.id, customer, 1, "The gate code is 1234");
    await say(booking.id, therapist, 2, "Thanks, on my way");
    await say(booking.id, customer, 3, "Ring at the blue gate please");
    await say(elsewhere.booking.id, { role: "customer", id: other }, 4, "Our gate is green");

    const found = await searchMessages(ctx, { bookingId: booking.id, viewer: customer, query: "gate" });
    expect(found.map((m) => (m.kind === "text" ? m.text : m.kind))).toEqual([
      "The gate code is 1234",
      "Ring at the blue gate please",
    ]);
    expect(found[0]!.sequence).toBeLessThan(found[1]!.sequence);
    expect(await searchMessages(ctx, { bookingId: booking.id, viewer: therapist, query: "  gate ", limit: 1 })).toEqual(
      found.slice(0, 1),
    );
    expect(await searchMessages(ctx, { bookingId: booking.id, viewer: customer, query: "sunset" })).toEqual([]);

    for (const viewer of [
      { role: "customer", id: other },
      { role: "therapist", id: elsewhere.therapistId },
    ] as const) {
      await expect(searchMessages(ctx, { bookingId: booking.id, viewer, query: "gate" })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(searchMessages(ctx, { bookingId: booking.id, viewer: customer, query: "   " })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("refuses a NUL byte, other control characters and an over-long search with 400, before asking the database", async () => {
    const customerId = newCustomerId();
    const { booking } = await confirmedBooking(engine, customerId, { lat: -8.8, lng: 115.16 });
    const viewer = { role: "customer", id: customerId } as const;
    for (const query of ["gate\u0000", "\u0000", "a\u0007b", "line\nbreak", "x".repeat(201)]) {
      const refusal = searchMessages(engine.ctx, { bookingId: booking.id, viewer, query, locale: "id" });
      await expect(refusal, JSON.stringify(query)).rejects.toMatchObject({ code: "bad_request" });
      await expect(refusal).rejects.toMatchObject({ issues: [{ message: expect.stringMatching(/karakter/) }] });
    }
    expect(await searchMessages(engine.ctx, { bookingId: booking.id, viewer, query: "x".repeat(200) })).toEqual([]);
  });
});
