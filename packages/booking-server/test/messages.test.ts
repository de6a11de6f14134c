// The booking chat through the engine: who may read and write when, idempotent sends, the rate limit, cursor pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "../src/bookings/create-booking";
import { listMessages } from "../src/messages/list-messages";
import { sendMessage } from "../src/messages/send-message";
import { type Engine, TABLES, bookingInput, newCustomerId, newKey, startEngine } from "./support/engine";
import { createSessionUser, linkTherapistUser } from "./support/fixtures";
import { confirmedBooking } from "./support/flows";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

const text = (clientMessageId: string, body: string) => ({ kind: "text" as const, clientMessageId, text: body });

describe("chat", () => {
  it("is system-only while searching; the confirmed therapist and the customer may then write", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const searching = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    await expect(
      sendMessage(ctx, {
        bookingId: searching.booking.id,
        sender: { role: "customer", id: customerId },
        input: text("client-msg-0001", "hello?"),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const page = await listMessages(ctx, {
      bookingId: searching.booking.id,
      viewer: { role: "customer", id: customerId },
    });
    expect(page.messages.map((m) => m.kind)).toEqual(["system"]);
    // The offered therapist is not in the chat yet.
    const offered = searching.booking.offeredTherapistIds[0]!;
    await expect(
      listMessages(ctx, { bookingId: searching.booking.id, viewer: { role: "therapist", id: offered } }),
    ).rejects.toMatchObject({ code: "not_found" });

    const therapistUser = await createSessionUser(engine, "Therapist");
    const other = newCustomerId();
    const { booking, therapistId } = await confirmedBooking(engine, other, { lat: -8.65, lng: 115.14 });
    await linkTherapistUser(engine, therapistId, therapistUser.userId);

    const first = await sendMessage(ctx, {
      bookingId: booking.id,
      sender: { role: "customer", id: other },
      input: text("client-msg-0002", "Hi, the gate code is 1234"),
    });
    expect(first).toMatchObject({
      kind: "text",
      senderType: "customer",
      senderId: other,
      text: "Hi, the gate code is 1234",
    });
    // A retried send returns the stored message instead of a second one.
    const again = await sendMessage(ctx, {
      bookingId: booking.id,
      sender: { role: "customer", id: other },
      input: text("client-msg-0002", "Hi, the gate code is 1234"),
    });
    expect(again.id).toBe(first.id);
    const [x, y] = await Promise.all([
      sendMessage(ctx, {
        bookingId: booking.id,
        sender: { role: "therapist", id: therapistId },
        input: text("client-msg-0003", "On my way"),
      }),
      sendMessage(engine.secondContext(), {
        bookingId: booking.id,
        sender: { role: "therapist", id: therapistId },
        input: text("client-msg-0003", "On my way"),
      }),
    ]);
    expect(x.id).toBe(y.id);
    expect((await engine.row(TABLES.messages, x.id)).$permissions).toEqual([
      `read("user:${other}")`,
      `read("user:${therapistUser.userId}")`,
    ]);
    await expect(
      sendMessage(ctx, {
        bookingId: booking.id,
        sender: { role: "customer", id: "intruder" },
        input: text("client-msg-0004", "hi"),
      }),
    ).rejects.toMatchObject({ code: "not_found" });

    const all = await listMessages(ctx, { bookingId: booking.id, viewer: { role: "admin", id: "demo-admin" } });
    expect(all.hasMore).toBe(false);
    expect(all.messages.map((m) => (m.kind === "system" ? m.systemKey : m.text))).toEqual([
      "searching",
      "therapist_found",
      "confirmed_immediate",
      "Hi, the gate code is 1234",
      "On my way",
    ]);
    const sequences = all.messages.map((m) => m.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  });

  it("pages by cursor, both ways, and limits senders to 30 messages a minute", async () => {
    const { ctx, clock } = engine;
    const customerId = newCustomerId();
    const { booking } = await confirmedBooking(engine, customerId, { lat: -8.72, lng: 115.17 });
    const sender = { role: "customer" as const, id: customerId };
    for (let i = 1; i <= 30; i += 1) {
      await sendMessage(ctx, {
        bookingId: booking.id,
        sender,
        input: text(`rate-limit-${String(i).padStart(3, "0")}`, `m${i}`),
      });
    }
    await expect(
      sendMessage(ctx, { bookingId: booking.id, sender, input: text("rate-limit-031", "m31") }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    clock.advance(2_000);
    await sendMessage(ctx, { bookingId: booking.id, sender, input: text("rate-limit-031", "m31") });

    const viewer = { role: "customer" as const, id: customerId };
    // 3 system messages + 31 texts. Newest page first, then older pages until the start.
    const newest = await listMessages(ctx, { bookingId: booking.id, viewer, limit: 10 });
    expect(newest.hasMore).toBe(true);
    expect(newest.messages.map((m) => (m.kind === "text" ? m.text : m.kind)).at(-1)).toBe("m31");
    const seen = [...newest.messages];
    let page = newest;
    while (page.hasMore) {
      page = await listMessages(ctx, { bookingId: booking.id, viewer, limit: 10, before: seen[0]!.id });
      seen.unshift(...page.messages);
    }
    expect(seen).toHaveLength(34);
    expect(new Set(seen.map((m) => m.id)).size).toBe(34);
    // Forward from the third message.
    const forward = await listMessages(ctx, { bookingId: booking.id, viewer, limit: 5, after: seen[2]!.id });
    expect(forward.messages.map((m) => m.id)).toEqual(seen.slice(3, 8).map((m) => m.id));
    expect(forward.hasMore).toBe(true);
    const tail = await listMessages(ctx, { bookingId: booking.id, viewer, after: seen[30]!.id });
    expect(tail).toMatchObject({ hasMore: false });
    expect(tail.messages.map((m) => m.id)).toEqual(seen.slice(31).map((m) => m.id));
    await expect(listMessages(ctx, { bookingId: booking.id, viewer, before: "not-a-message" })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
