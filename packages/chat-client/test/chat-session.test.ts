// The chat session end to end against the real local Appwrite server: the appwrite web SDK's Realtime over a real
// WebSocket with a JWT from the (stand-in) token route, pages and sends through createFetchChatApi and the
// (stand-in) message routes. Outages are simulated on the client's sockets (test/support/web-sdk-env.ts).
import "./support/web-sdk-env";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChatSession, type ChatSession, type ChatSessionOptions } from "../src/chat-session";
import { createRealtimeTransport, type RealtimeChange } from "../src/realtime";
import type { ChatApi } from "../src/chat-api";
import { startChatBackend, type ChatBackend, type Participant } from "./support/chat-backend";
import { network, pendingIntervals } from "./support/web-sdk-env";
import { trackedTimers, waitFor } from "./support/tracked-timers";

let backend: ChatBackend;
const sessions: ChatSession[] = [];

beforeAll(async () => {
  backend = await startChatBackend();
});
afterEach(async () => {
  network.offline = false;
  for (const s of sessions.splice(0)) await s.close();
  backend.tokenDurationSeconds = 900;
});
afterAll(async () => {
  await backend?.close();
});

/** Counts the calls a session makes, to tell realtime deliveries from backfills. */
function counting(api: ChatApi) {
  const calls = { list: [] as Array<{ before?: string; after?: string }>, mint: 0 };
  const wrapped: ChatApi = {
    listMessages: (input, o) => {
      calls.list.push({ before: input.before, after: input.after });
      return api.listMessages(input, o);
    },
    sendMessage: (input, o) => api.sendMessage(input, o),
    mintRealtimeToken: (o) => {
      calls.mint += 1;
      return api.mintRealtimeToken(o);
    },
    searchMessages: (input, o) => api.searchMessages!(input, o),
  };
  return { api: wrapped, calls };
}

async function openSession(
  user: Participant,
  bookingId: string,
  options: Partial<ChatSessionOptions> = {},
): Promise<{ session: ChatSession; calls: ReturnType<typeof counting>["calls"] }> {
  const { api, calls } = counting(backend.apiFor(user));
  const session = createChatSession({
    api,
    bookingId,
    viewer: { senderType: user.senderType, senderId: user.senderId },
    settleSyncMs: 300,
    syncIntervalMs: 60_000,
    retryPolicy: { maxRetries: 2, baseDelayMs: 20, maxDelayMs: 200, jitterRatio: 0 },
    ...options,
    realtime: options.realtime ?? { reconnectDelaysMs: [50, 100, 200], handoverMs: 200 },
  });
  sessions.push(session);
  await session.open();
  return { session, calls };
}

const textsOf = (session: ChatSession) =>
  session.getSnapshot().messages.map((m) => (m.kind === "text" ? m.text : `[${m.kind}]`));

function expectOnceInOrder(session: ChatSession) {
  const messages = session.getSnapshot().messages;
  const ids = messages.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  const seqs = messages.flatMap((m) => (m.sequence === null ? [] : [m.sequence]));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
}

describe("history", () => {
  it("loads 50 per page, newest first, and older pages on demand", async () => {
    const bookingId = await backend.createBooking();
    for (let i = 1; i <= 120; i += 1)
      await backend.write(i % 3 ? backend.therapist : backend.customer, bookingId, `message ${i}`);
    const { session, calls } = await openSession(backend.customer, bookingId);

    expect(textsOf(session)).toEqual(Array.from({ length: 50 }, (_, i) => `message ${71 + i}`));
    expect(session.getSnapshot()).toMatchObject({
      status: "ready",
      connection: "live",
      hasOlder: true,
      canLoadOlder: true,
    });
    expect(await session.loadOlder()).toBe(true);
    expect(session.getSnapshot().messages).toHaveLength(100);
    expect(await session.loadOlder()).toBe(true);
    expect(textsOf(session)).toEqual(Array.from({ length: 120 }, (_, i) => `message ${i + 1}`));
    expect(session.getSnapshot().hasOlder).toBe(false);
    expect(await session.loadOlder()).toBe(false);
    expect(session.getSnapshot().messages.map((m) => m.id)).toEqual((await backend.stored(bookingId)).map((m) => m.id));
    expect(calls.list.filter((c) => c.before !== undefined)).toHaveLength(2);
  });

  it("searches the whole conversation on the server", async () => {
    const bookingId = await backend.createBooking();
    await backend.write(backend.customer, bookingId, "The villa gate code is 4411");
    for (let i = 0; i < 55; i += 1) await backend.write(backend.therapist, bookingId, `filler ${i}`);
    await backend.write(backend.therapist, bookingId, "I am at the villa");
    const { session } = await openSession(backend.customer, bookingId);
    expect(session.getSnapshot().messages.some((m) => m.kind === "text" && m.text.includes("gate"))).toBe(false);
    const result = await session.search("villa");
    expect(result.complete).toBe(true);
    expect(result.messages.map((m) => (m.kind === "text" ? m.text : ""))).toEqual([
      "The villa gate code is 4411",
      "I am at the villa",
    ]);
  });
});

describe("realtime", () => {
  it("delivers a message written by the other party, through the socket (no extra request)", async () => {
    const bookingId = await backend.createBooking();
    const { session, calls } = await openSession(backend.customer, bookingId, { settleSyncMs: 60_000 });
    const requests = calls.list.length;
    await backend.write(backend.therapist, bookingId, "I'm on my way");
    await waitFor(() => textsOf(session).includes("I'm on my way"), "realtime delivery");
    expect(calls.list.length).toBe(requests);
    expect(session.getSnapshot().unread).toEqual({ count: 1, exact: true });
    session.markRead();
    expect(session.getSnapshot().unread.count).toBe(0);
  });

  it("sends optimistically; both sides see the message once", async () => {
    const bookingId = await backend.createBooking();
    const customer = await openSession(backend.customer, bookingId);
    const therapist = await openSession(backend.therapist, bookingId);
    const pending = customer.session.send({ kind: "text", text: "Hello, room 12 please" });
    expect(customer.session.getSnapshot().messages.at(-1)).toMatchObject({ delivery: "sending", sequence: null });
    const outcome = await pending;
    expect(outcome.ok).toBe(true);
    await waitFor(() => textsOf(therapist.session).includes("Hello, room 12 please"), "the therapist's copy");
    for (const { session } of [customer, therapist]) {
      expect(session.getSnapshot().messages).toHaveLength(1);
      expect(session.getSnapshot().messages[0]).toMatchObject({
        delivery: "sent",
        clientMessageId: outcome.clientMessageId,
      });
    }
    expect(therapist.session.getSnapshot().unread.count).toBe(1);
    expect(customer.session.getSnapshot().unread.count).toBe(0);
  });

  it("after a dropped connection, every missed message appears once, in order", async () => {
    const bookingId = await backend.createBooking();
    await backend.write(backend.therapist, bookingId, "before 1");
    await backend.write(backend.customer, bookingId, "before 2");
    const { session, calls } = await openSession(backend.customer, bookingId);

    network.offline = true;
    network.drop();
    await waitFor(() => session.getSnapshot().connection === "reconnecting", "the drop to be noticed");
    const missed = Array.from({ length: 7 }, (_, i) => `missed ${i + 1}`);
    for (const text of missed) await backend.write(backend.therapist, bookingId, text);
    expect(textsOf(session)).toEqual(["before 1", "before 2"]);

    network.offline = false;
    await waitFor(() => session.getSnapshot().connection === "live", "the reconnect");
    await waitFor(() => textsOf(session).length === 9, "the backfill");
    expect(textsOf(session)).toEqual(["before 1", "before 2", ...missed]);

    // Live again: new messages arrive by realtime, and the settle pass after the reconnect adds no duplicates.
    const backfills = calls.list.filter((c) => c.after !== undefined).length;
    await backend.write(backend.therapist, bookingId, "after");
    await waitFor(() => textsOf(session).includes("after"), "delivery after the reconnect");
    await waitFor(() => calls.list.filter((c) => c.after !== undefined).length > backfills, "the settle pass");
    expect(textsOf(session)).toEqual(["before 1", "before 2", ...missed, "after"]);
    expectOnceInOrder(session);
  });

  it("a silent drop (socket open, nothing arriving) is noticed by the periodic sync, which reconnects", async () => {
    const bookingId = await backend.createBooking();
    const openedAt = Date.now();
    const { session } = await openSession(backend.customer, bookingId, { syncIntervalMs: 400, staleGraceMs: 200 });
    const sockets = network.sockets.length;
    for (const socket of network.open()) socket.muted = true;
    // Past the grace period after the socket opened, realtime is expected to deliver everything.
    await waitFor(() => Date.now() - openedAt > 250, "the grace period");

    await backend.write(backend.therapist, bookingId, "lost in the void 1");
    await backend.write(backend.therapist, bookingId, "lost in the void 2");
    await waitFor(() => textsOf(session).length === 2, "the periodic sync");
    await waitFor(
      () => network.sockets.length > sockets && session.getSnapshot().connection === "live",
      "a new socket",
    );

    await backend.write(backend.therapist, bookingId, "heard again");
    await waitFor(() => textsOf(session).includes("heard again"), "delivery on the new socket");
    expect(textsOf(session)).toEqual(["lost in the void 1", "lost in the void 2", "heard again"]);
    expectOnceInOrder(session);
  });

  it("refreshes the JWT before it expires and keeps receiving after the first one expired", async () => {
    backend.tokenDurationSeconds = 2;
    const bookingId = await backend.createBooking();
    const openedAt = Date.now();
    const { session, calls } = await openSession(backend.customer, bookingId, {
      realtime: { refreshMarginMs: 1_000, handoverMs: 200, reconnectDelaysMs: [50, 100, 200] },
    });
    expect(calls.mint).toBe(1);
    const first = network.sockets.at(-1)!;

    await waitFor(() => calls.mint >= 2, "a refresh", 3_000);
    await waitFor(() => first.readyState === first.CLOSED, "the old socket to close after the handover", 3_000);
    expect(Date.now() - openedAt).toBeLessThan(2_000); // refreshed before the first JWT expired
    await waitFor(() => Date.now() - openedAt > 2_500, "the first JWT to expire", 3_000);

    await backend.write(backend.therapist, bookingId, "still here");
    await waitFor(() => textsOf(session).includes("still here"), "delivery after the first JWT expired");

    // A drop now reconnects with a JWT that is valid at that moment.
    network.drop();
    await waitFor(() => session.getSnapshot().connection === "reconnecting", "the drop");
    await waitFor(() => session.getSnapshot().connection === "live", "the reconnect");
    await backend.write(backend.therapist, bookingId, "after the reconnect");
    await waitFor(() => textsOf(session).includes("after the reconnect"), "delivery after the reconnect");
    for (const socket of network.sockets.filter((s) => s.createdAt >= openedAt)) {
      const jwt = new URL(socket.url).searchParams.get("jwt")!;
      const { exp } = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { exp: number };
      expect(exp * 1000).toBeGreaterThan(socket.createdAt);
    }
    expectOnceInOrder(session);
  });
});

describe("isolation", () => {
  it("someone who is not a participant receives nothing, and cannot read the history", async () => {
    const bookingId = await backend.createBooking();
    const otherBooking = await backend.createBooking();
    const heard: Record<string, RealtimeChange[]> = { outsider: [], customer: [] };
    const transports = (["outsider", "customer"] as const).map((who) =>
      createRealtimeTransport({
        api: backend.apiFor(backend[who]),
        bookingId,
        onChange: (change) => heard[who]!.push(change),
      }),
    );
    try {
      await Promise.all(transports.map((t) => t.start()));
      expect(transports.map((t) => t.status)).toEqual(["live", "live"]);
      // The customer reads both bookings; the booking filter keeps the other one out of this chat.
      await backend.write(backend.therapist, otherBooking, "other booking");
      await backend.write(backend.therapist, bookingId, "private");
      await waitFor(() => heard.customer!.length === 1, "the participant's delivery");
      await backend.write(backend.therapist, bookingId, "also private");
      await waitFor(() => heard.customer!.length === 2, "the participant's second delivery");
      expect(
        heard.customer!.map((c) => (c.type === "upsert" && c.message.kind === "text" ? c.message.text : "")),
      ).toEqual(["private", "also private"]);
      expect(heard.outsider).toEqual([]);
    } finally {
      await Promise.all(transports.map((t) => t.stop()));
    }

    const { session } = await openSession(backend.outsider, bookingId, { realtime: false });
    expect(session.getSnapshot()).toMatchObject({
      status: "error",
      error: { status: 403, code: "forbidden" },
      messages: [],
    });
  });
});

describe("close", () => {
  it("leaves no socket, timer, heartbeat or listener behind", async () => {
    const timers = trackedTimers();
    const bookingId = await backend.createBooking();
    const before = network.sockets.length;
    const { session } = await openSession(backend.customer, bookingId, { timers, syncIntervalMs: 1_000 });
    await session.send({ kind: "text", text: "bye" });
    expect(timers.pending()).toBeGreaterThan(0);
    expect(pendingIntervals()).toBeGreaterThan(0);
    let notified = 0;
    session.subscribe(() => (notified += 1));

    await session.close();
    expect(timers.pending()).toBe(0);
    expect(pendingIntervals()).toBe(0);
    const mine = network.sockets.slice(before);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.readyState === s.CLOSED)).toBe(true);

    const after = notified;
    await backend.write(backend.therapist, bookingId, "nobody listens");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notified).toBe(after);
    expect(network.sockets.length).toBe(before + mine.length);
  });
});
