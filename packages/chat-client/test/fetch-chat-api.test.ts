// Retry and idempotency of sends through createFetchChatApi against the real backend (stand-in routes over the local
// Appwrite server). MSW only injects faults in front of the routes — 503s, a response lost after the server stored
// the message, a hung request, a 429 — and otherwise lets every request through to the backend.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bypass, delay, http, HttpResponse, passthrough } from "msw";
import { setupServer, type SetupServerApi } from "msw/node";
import { IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { createChatSession, type ChatSession } from "../src/chat-session";
import { startChatBackend, type ChatBackend } from "./support/chat-backend";

type Fault = "503" | "lose-response" | "hang" | "429" | "400";

let backend: ChatBackend;
let mock: SetupServerApi;
const faults = { send: [] as Fault[], list: [] as Fault[] };
const sends: Array<{ key: string | null; clientMessageId: unknown; fault: Fault | null }> = [];

async function inject(fault: Fault | undefined, request: Request) {
  switch (fault) {
    case undefined:
      return passthrough();
    case "503":
      return HttpResponse.json({ error: { code: "service_unavailable", message: "x" } }, { status: 503 });
    case "400":
      return HttpResponse.json({ error: { code: "bad_request", message: "x" } }, { status: 400 });
    case "429":
      return HttpResponse.json(
        { error: { code: "rate_limited", message: "x" } },
        { status: 429, headers: { "Retry-After": "1" } },
      );
    case "hang":
      await delay(1_500);
      return HttpResponse.json({ error: { code: "too_late", message: "x" } }, { status: 504 });
    case "lose-response":
      // The request reaches the server and is stored; the response is lost on the way back.
      await fetch(bypass(request));
      return HttpResponse.json({ error: { code: "upstream_error", message: "x" } }, { status: 502 });
  }
}

beforeAll(async () => {
  backend = await startChatBackend();
  mock = setupServer(
    http.post(`${backend.routesUrl}/api/bookings/:id/messages`, async ({ request }) => {
      const fault = faults.send.shift() ?? null;
      const body = (await request.clone().json()) as { clientMessageId?: unknown };
      sends.push({ key: request.headers.get(IDEMPOTENCY_HEADER), clientMessageId: body.clientMessageId, fault });
      return inject(fault ?? undefined, request);
    }),
    http.get(`${backend.routesUrl}/api/bookings/:id/messages`, ({ request }) => inject(faults.list.shift(), request)),
  );
  mock.listen({ onUnhandledRequest: "bypass" });
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  faults.send.length = 0;
  faults.list.length = 0;
  sends.length = 0;
});
afterAll(async () => {
  mock?.close();
  await backend?.close();
});

const sessions: ChatSession[] = [];
async function open() {
  const bookingId = await backend.createBooking();
  const session = createChatSession({
    api: backend.apiFor(backend.customer, { timeoutMs: 300 }),
    bookingId,
    viewer: { senderType: "customer", senderId: backend.customer.senderId },
    realtime: false,
    retryPolicy: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 3_000, jitterRatio: 0 },
  });
  sessions.push(session);
  await session.open();
  return { session, bookingId };
}

describe("sending through faults", () => {
  it("503, 503, then through: stored once, the same clientMessageId and Idempotency-Key on every attempt", async () => {
    const { session, bookingId } = await open();
    faults.send.push("503", "503");
    const outcome = await session.send({ kind: "text", text: "Can you bring oil?" });
    expect(outcome.ok).toBe(true);
    expect(sends.map((s) => s.fault)).toEqual(["503", "503", null]);
    expect(new Set(sends.map((s) => s.key))).toEqual(new Set([outcome.clientMessageId]));
    expect(new Set(sends.map((s) => s.clientMessageId))).toEqual(new Set([outcome.clientMessageId]));
    const stored = await backend.stored(bookingId);
    expect(stored).toHaveLength(1);
    expect(session.getSnapshot().messages).toEqual([expect.objectContaining({ id: stored[0]!.id, delivery: "sent" })]);
  });

  it("a response lost after the server stored the message: the retry returns the same message, stored once", async () => {
    const { session, bookingId } = await open();
    faults.send.push("lose-response");
    const outcome = await session.send({ kind: "text", text: "I'm at the gate" });
    expect(outcome.ok).toBe(true);
    expect(sends).toHaveLength(2);
    const stored = await backend.stored(bookingId);
    expect(stored).toHaveLength(1);
    expect(outcome.ok && outcome.message.id).toBe(stored[0]!.id);
    expect(session.getSnapshot().messages).toHaveLength(1);
  });

  it("a request that hangs times out and is retried", async () => {
    const { session, bookingId } = await open();
    faults.send.push("hang");
    const started = Date.now();
    const outcome = await session.send({ kind: "text", text: "hello?" });
    expect(outcome.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await backend.stored(bookingId)).toHaveLength(1);
  });

  it("429 waits as long as Retry-After asks", async () => {
    const { session } = await open();
    faults.send.push("429");
    const started = Date.now();
    expect((await session.send({ kind: "text", text: "hi" })).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(sends).toHaveLength(2);
  });

  it("a 4xx is not retried: the message is failed at once", async () => {
    const { session, bookingId } = await open();
    faults.send.push("400");
    const outcome = await session.send({ kind: "text", text: "hi" });
    expect(outcome.ok).toBe(false);
    expect(sends).toHaveLength(1);
    expect(session.getSnapshot().messages[0]?.delivery).toBe("failed");
    expect(await backend.stored(bookingId)).toHaveLength(0);
  });

  it("when every retry fails the message is failed; retry() later stores it once", async () => {
    const { session, bookingId } = await open();
    faults.send.push("503", "lose-response", "503", "503");
    const failed = await session.send({ kind: "text", text: "Running 10 minutes late" });
    expect(failed.ok).toBe(false);
    expect(session.getSnapshot().messages[0]).toMatchObject({ delivery: "failed", sequence: null });
    // The lost response means the server has it already; the retry must not store it twice.
    const retried = await session.retry(failed.clientMessageId);
    expect(retried.ok).toBe(true);
    const stored = await backend.stored(bookingId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.clientMessageId).toBe(failed.clientMessageId);
    expect(session.getSnapshot().messages).toEqual([expect.objectContaining({ id: stored[0]!.id, delivery: "sent" })]);
    expect(new Set(sends.map((s) => s.key))).toEqual(new Set([failed.clientMessageId]));
  });
});

describe("loading through faults", () => {
  it("the first page is retried after a 503", async () => {
    const bookingId = await backend.createBooking();
    await backend.write(backend.therapist, bookingId, "welcome");
    faults.list.push("503");
    const session = createChatSession({
      api: backend.apiFor(backend.customer),
      bookingId,
      viewer: { senderType: "customer", senderId: backend.customer.senderId },
      realtime: false,
      retryPolicy: { maxRetries: 2, baseDelayMs: 20, maxDelayMs: 100, jitterRatio: 0 },
    });
    sessions.push(session);
    await session.open();
    expect(session.getSnapshot()).toMatchObject({ status: "ready", error: null });
    expect(session.getSnapshot().messages.map((m) => (m.kind === "text" ? m.text : ""))).toEqual(["welcome"]);
  });
});
