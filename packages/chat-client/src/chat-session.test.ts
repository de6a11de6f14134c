import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@tenang/booking-core/errors";
import { createChatSession, MAX_CHAT_IMAGE_BYTES, type ChatSessionOptions } from "./chat-session";
import { fakeRealtimeFactory } from "../test/support/fake-realtime";
import { MemoryChatApi, unavailable } from "../test/support/memory-chat-api";
import { BOOKING_ID, CUSTOMER, toRow } from "../test/support/messages";
import type { ServerMessage } from "./chat-message";

const fastRetry = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 100, jitterRatio: 0 };

function setup(overrides: Partial<ChatSessionOptions> = {}) {
  const api = new MemoryChatApi();
  const factory = fakeRealtimeFactory();
  let n = 0;
  const session = createChatSession({
    api,
    bookingId: BOOKING_ID,
    viewer: CUSTOMER,
    retryPolicy: fastRetry,
    realtime: { createRealtime: factory.create, random: () => 0.5 },
    createClientMessageId: () => `client-${String(++n).padStart(4, "0")}`,
    ...overrides,
  });
  const emitted: number[] = [];
  session.subscribe(() => emitted.push(session.getSnapshot().messages.length));
  return { api, factory, session, emitted };
}

/** Opens the session with its realtime connection up. */
async function openLive(s: ReturnType<typeof setup>) {
  const opened = s.session.open();
  await vi.advanceTimersByTimeAsync(0);
  s.factory.last().open();
  await opened;
  await vi.advanceTimersByTimeAsync(0);
}

/** Awaits `promise` while the fake clock runs (retries wait on it). */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(5);
  return promise;
}

const texts = (s: ReturnType<typeof setup>) => s.session.getSnapshot().messages.map((m) => m.id);
const created = (m: ServerMessage) => [`tablesdb.db1.tables.messages.rows.${m.id}.create`];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 10, 22, 6, 0, 0) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("open and history", () => {
  it("loads the newest 50 and pages older ones on demand", async () => {
    const s = setup();
    s.api.addMany(120);
    await openLive(s);
    let snap = s.session.getSnapshot();
    expect(snap.status).toBe("ready");
    expect(snap.connection).toBe("live");
    expect(snap.messages.map((m) => m.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => 71 + i));
    expect(snap.hasOlder && snap.canLoadOlder).toBe(true);

    expect(await s.session.loadOlder()).toBe(true);
    expect(await s.session.loadOlder()).toBe(true);
    snap = s.session.getSnapshot();
    expect(snap.messages.map((m) => m.sequence)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(snap.hasOlder).toBe(false);
    expect(await s.session.loadOlder()).toBe(false);
    expect(s.api.calls.list.map((c) => [c.before, c.after, c.limit])).toEqual([
      [undefined, undefined, 50],
      [undefined, "m120", 50], // the backfill after the socket opened
      ["m71", undefined, 50],
      ["m21", undefined, 50],
    ]);
    await s.session.close();
  });

  it("stops loading older pages at the cap (older history stays reachable through search)", async () => {
    const s = setup({ cap: 120 });
    s.api.addMany(300);
    await openLive(s);
    await s.session.loadOlder();
    await s.session.loadOlder();
    const snap = s.session.getSnapshot();
    expect(snap.messages).toHaveLength(120);
    expect(snap.messages[0]?.sequence).toBe(181);
    expect(snap.hasOlder).toBe(true);
    expect(snap.canLoadOlder).toBe(false);
    expect(await s.session.loadOlder()).toBe(false);
    await s.session.close();
  });

  it("an initial load that fails shows as an error, and the next sync recovers", async () => {
    const s = setup({ realtime: false, syncIntervalMs: 1_000, retryPolicy: { ...fastRetry, maxRetries: 0 } });
    s.api.addMany(3);
    s.api.faults.list.push(unavailable());
    await s.session.open();
    expect(s.session.getSnapshot()).toMatchObject({ status: "error", connection: "disabled" });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.session.getSnapshot()).toMatchObject({ status: "ready", error: null });
    expect(texts(s)).toEqual(["m1", "m2", "m3"]);
    await s.session.close();
  });

  it("gives React a stable snapshot between changes", async () => {
    const s = setup();
    await openLive(s);
    const a = s.session.getSnapshot();
    expect(s.session.getSnapshot()).toBe(a);
    s.factory.last().emit(["x.create"], toRow(s.api.add()));
    expect(s.session.getSnapshot()).not.toBe(a);
    await s.session.close();
  });
});

describe("realtime and backfill", () => {
  it("shows messages as realtime delivers them, duplicates once", async () => {
    const s = setup();
    await openLive(s);
    const m1 = s.api.add();
    const m2 = s.api.add();
    const rt = s.factory.last();
    rt.emit(created(m2), toRow(m2));
    rt.emit(created(m1), toRow(m1));
    rt.emit(created(m2), toRow(m2));
    expect(texts(s)).toEqual(["m1", "m2"]);
    await s.session.close();
  });

  it("after a drop, backfills everything missed, even when a newer event arrives before the backfill", async () => {
    const s = setup();
    s.api.addMany(10);
    await openLive(s);
    s.factory.last().close();
    const missed = s.api.addMany(60); // more than a page
    await vi.advanceTimersByTimeAsync(250);
    const rt = s.factory.last();
    // The new socket delivers a fresh message before the backfill has run: it must not become the cursor.
    const fresh = s.api.add();
    rt.open();
    rt.emit(created(fresh), toRow(fresh));
    await vi.advanceTimersByTimeAsync(0);
    const seqs = s.session.getSnapshot().messages.map((m) => m.sequence);
    expect(seqs).toEqual(Array.from({ length: 71 }, (_, i) => i + 1));
    expect(missed).toHaveLength(60);
    const backfills = s.api.calls.list.filter((c) => c.after !== undefined).map((c) => c.after);
    expect(backfills).toEqual(["m10", "m10", "m60"]);
    // The settle pass a moment later finds nothing new and changes nothing.
    const before = s.session.getSnapshot();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(s.session.getSnapshot().messages).toBe(before.messages);
    await s.session.close();
  });

  it("more missed messages than the cap: starts again from the newest page", async () => {
    const s = setup({ cap: 100 });
    s.api.addMany(5);
    await openLive(s);
    s.factory.last().close();
    s.api.addMany(150);
    await vi.advanceTimersByTimeAsync(250);
    s.factory.last().open();
    await vi.advanceTimersByTimeAsync(0);
    const snap = s.session.getSnapshot();
    expect(snap.messages.map((m) => m.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => 106 + i));
    expect(snap.hasOlder).toBe(true);
    await s.session.close();
  });

  it("a deleted cursor message: starts again from the newest page", async () => {
    const s = setup();
    s.api.addMany(3);
    await openLive(s);
    s.api.messages = s.api.messages.filter((m) => m.id !== "m3");
    s.api.add();
    await s.session.resync();
    expect(texts(s)).toEqual(["m1", "m2", "m4"]);
    await s.session.close();
  });

  it("applies deletes from realtime", async () => {
    const s = setup();
    const [m1] = s.api.addMany(2);
    await openLive(s);
    s.factory.last().emit([`tablesdb.db1.tables.messages.rows.m1.delete`], toRow(m1!));
    expect(texts(s)).toEqual(["m2"]);
    await s.session.close();
  });

  it("a silent drop: a periodic sync finds what realtime missed and reconnects", async () => {
    const s = setup({ syncIntervalMs: 10_000, staleGraceMs: 3_000 });
    await openLive(s);
    await vi.advanceTimersByTimeAsync(5_000);
    s.api.add(); // realtime never delivers it: the socket is dead but looks open
    await vi.advanceTimersByTimeAsync(5_000); // periodic sync at 10 s
    expect(texts(s)).toEqual(["m1"]);
    expect(s.factory.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(s.factory.instances).toHaveLength(2);
    expect(s.factory.instances[0]?.disconnected).toBe(true);
    await s.session.close();
  });

  it("no reconnect when realtime delivers the message a sync found first", async () => {
    const s = setup({ syncIntervalMs: 10_000, staleGraceMs: 3_000 });
    await openLive(s);
    await vi.advanceTimersByTimeAsync(5_000);
    const m = s.api.add();
    await vi.advanceTimersByTimeAsync(5_000);
    s.factory.last().emit(created(m), toRow(m)); // the event was just slower than the sync
    await vi.advanceTimersByTimeAsync(3_000);
    expect(s.factory.instances).toHaveLength(1);
    await s.session.close();
  });

  it("without realtime, polls", async () => {
    const s = setup({ realtime: false, syncIntervalMs: 2_000 });
    await s.session.open();
    s.api.add();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(texts(s)).toEqual(["m1"]);
    await s.session.close();
  });
});

describe("sending", () => {
  it("shows the message at once, then the server's copy in its place", async () => {
    const s = setup();
    s.api.add();
    await openLive(s);
    const pending = s.session.send({ kind: "text", text: "  On my way  " });
    expect(s.session.getSnapshot().messages.at(-1)).toMatchObject({
      id: "client-0001",
      clientMessageId: "client-0001",
      delivery: "sending",
      sequence: null,
      text: "On my way",
      senderType: "customer",
      senderId: "cust1",
    });
    const outcome = await pending;
    expect(outcome).toMatchObject({ ok: true, message: { id: "m2", delivery: "sent", sequence: 2 } });
    expect(texts(s)).toEqual(["m1", "m2"]);
    await s.session.close();
  });

  it("retries network errors, 429 and 5xx with the same clientMessageId; the server stores it once", async () => {
    const s = setup();
    await openLive(s);
    s.api.faults.send.push(
      new TypeError("fetch failed"),
      Object.assign(new Error("busy"), { status: 429 }),
      unavailable(),
    );
    const outcome = await settle(s.session.send({ kind: "text", text: "hello" }));
    expect(outcome.ok).toBe(true);
    expect(s.api.calls.send.map((c) => c.clientMessageId)).toEqual(Array(4).fill("client-0001"));
    expect(s.api.messages).toHaveLength(1);
    await s.session.close();
  });

  it("a lost response: the retry gets the stored message back, shown once", async () => {
    const s = setup();
    await openLive(s);
    let lose = true;
    s.api.afterStore = () => {
      if (lose) {
        lose = false;
        throw unavailable();
      }
    };
    const outcome = await settle(s.session.send({ kind: "text", text: "hello" }));
    expect(outcome).toMatchObject({ ok: true, message: { id: "m1" } });
    expect(s.api.messages).toHaveLength(1);
    expect(texts(s)).toEqual(["m1"]);
    await s.session.close();
  });

  it("does not retry a refusal (4xx)", async () => {
    const s = setup();
    await openLive(s);
    s.api.faults.send.push(Object.assign(new Error("forbidden"), { status: 403 }));
    const outcome = await s.session.send({ kind: "text", text: "hello" });
    expect(outcome.ok).toBe(false);
    expect(s.api.calls.send).toHaveLength(1);
    expect(s.session.getSnapshot().messages[0]?.delivery).toBe("failed");
    await s.session.close();
  });

  it("fails after the retries, then retry() sends the same message again; discard() removes one", async () => {
    const s = setup();
    await openLive(s);
    s.api.faults.send.push(unavailable(), unavailable(), unavailable(), unavailable());
    const failed = await settle(s.session.send({ kind: "text", text: "hello" }));
    expect(failed.ok).toBe(false);
    expect(s.session.getSnapshot().messages[0]).toMatchObject({ delivery: "failed", clientMessageId: "client-0001" });

    const retried = s.session.retry("client-0001");
    expect(s.session.getSnapshot().messages[0]?.delivery).toBe("sending");
    expect(await retried).toMatchObject({ ok: true, message: { clientMessageId: "client-0001", delivery: "sent" } });
    expect(new Set(s.api.calls.send.map((c) => c.clientMessageId))).toEqual(new Set(["client-0001"]));
    expect(await s.session.retry("client-0001")).toMatchObject({ ok: true });

    s.api.faults.send.push(Object.assign(new Error("nope"), { status: 422 }));
    await s.session.send({ kind: "text", text: "second" });
    expect(s.session.getSnapshot().messages.map((m) => m.delivery)).toEqual(["sent", "failed"]);
    s.session.discard("client-0002");
    expect(texts(s)).toEqual(["m1"]);
    expect(await s.session.retry("client-0002")).toMatchObject({ ok: false });
    await s.session.close();
  });

  it("a failed message whose server copy arrives later becomes sent", async () => {
    const s = setup();
    await openLive(s);
    let stored: ServerMessage | null = null;
    s.api.afterStore = (m) => {
      stored = m;
      throw Object.assign(new Error("gateway"), { status: 400 });
    };
    expect((await s.session.send({ kind: "text", text: "hello" })).ok).toBe(false);
    s.factory.last().emit(created(stored!), toRow(stored!));
    expect(s.session.getSnapshot().messages).toEqual([expect.objectContaining({ id: "m1", delivery: "sent" })]);
    expect(await s.session.retry("client-0001")).toMatchObject({ ok: true });
    await s.session.close();
  });

  it("realtime may confirm a send before its response", async () => {
    const s = setup();
    await openLive(s);
    s.api.afterStore = (m) => s.factory.last().emit(created(m), toRow(m));
    const outcome = await s.session.send({ kind: "text", text: "hello" });
    expect(outcome.ok).toBe(true);
    expect(texts(s)).toEqual(["m1"]);
    await s.session.close();
  });

  it("refuses invalid input synchronously, adding nothing", async () => {
    const s = setup();
    await openLive(s);
    expect(() => s.session.send({ kind: "text", text: "   " })).toThrow(DomainError);
    expect(() => s.session.send({ kind: "location", lat: 200, lng: 0 })).toThrow(DomainError);
    expect(s.session.getSnapshot().messages).toEqual([]);
    await s.session.close();
  });
});

describe("sending photos", () => {
  const photo = (size = 64, type = "image/png", name = "IMG_0001.png") =>
    new File([new Uint8Array(size).fill(7)], name, { type });

  it("shows the picked file at once, then the stored image message in its place", async () => {
    const s = setup();
    await openLive(s);
    const file = photo();
    const pending = s.session.sendImage({ file, text: "  the gate  " });
    expect(s.session.getSnapshot().messages).toEqual([
      expect.objectContaining({
        id: "client-0001",
        kind: "image",
        delivery: "sending",
        sequence: null,
        text: "the gate",
        localImage: file,
      }),
    ]);
    const outcome = await pending;
    expect(outcome).toMatchObject({ ok: true, message: { id: "m1", kind: "image", imageFileId: "file-1" } });
    expect(s.api.calls.image).toEqual([
      { bookingId: BOOKING_ID, clientMessageId: "client-0001", file, fileName: "IMG_0001.png", text: "the gate" },
    ]);
    const [shown] = s.session.getSnapshot().messages;
    expect(shown).toMatchObject({ id: "m1", delivery: "sent", imageFileId: "file-1" });
    expect(shown).not.toHaveProperty("localImage");
    await s.session.close();
  });

  it("retries a failed upload with the same clientMessageId; the server stores one photo", async () => {
    const s = setup();
    await openLive(s);
    s.api.faults.image.push(unavailable(), unavailable(), unavailable(), unavailable());
    const failed = await settle(s.session.sendImage({ file: photo() }));
    expect(failed.ok).toBe(false);
    expect(s.session.getSnapshot().messages).toEqual([
      expect.objectContaining({ kind: "image", delivery: "failed", clientMessageId: "client-0001" }),
    ]);
    expect(s.api.files.size).toBe(0);

    // The user taps "send again": the same file under the same id, and a lost response is answered by the stored one.
    let lose = true;
    s.api.afterStore = () => {
      if (lose) {
        lose = false;
        throw unavailable();
      }
    };
    const retried = s.session.retry("client-0001");
    expect(s.session.getSnapshot().messages[0]?.delivery).toBe("sending");
    expect(await settle(retried)).toMatchObject({ ok: true, message: { kind: "image", delivery: "sent" } });
    expect(new Set(s.api.calls.image.map((c) => c.clientMessageId))).toEqual(new Set(["client-0001"]));
    expect(s.api.calls.image).toHaveLength(6);
    expect(s.api.messages).toHaveLength(1);
    expect(s.api.files.size).toBe(1);
    expect(texts(s)).toEqual(["m1"]);
    await s.session.close();
  });

  it("a refusal (422) is not retried and stays failed until discarded", async () => {
    const s = setup();
    await openLive(s);
    s.api.faults.image.push(Object.assign(new Error("not an image"), { status: 422 }));
    const outcome = await s.session.sendImage({ file: photo(64, "image/png", "notes.png") });
    expect(outcome.ok).toBe(false);
    expect(s.api.calls.image).toHaveLength(1);
    s.session.discard("client-0001");
    expect(s.session.getSnapshot().messages).toEqual([]);
    await s.session.close();
  });

  it("refuses, before sending, an empty file, one over 5 MB and a declared non-image", async () => {
    const s = setup();
    await openLive(s);
    const problem = (draft: Parameters<typeof s.session.sendImage>[0]) => {
      try {
        void s.session.sendImage(draft);
        return "sent";
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return (error as DomainError).details.problem;
      }
    };
    expect(problem({ file: photo(0) })).toBe("image_missing");
    expect(problem({ file: photo(MAX_CHAT_IMAGE_BYTES + 1) })).toBe("image_too_large");
    expect(problem({ file: photo(64, "image/heic", "IMG.HEIC") })).toBe("image_type_unsupported");
    expect(problem({ file: photo(64, "text/plain", "notes.txt") })).toBe("image_type_unsupported");
    expect(problem({ file: photo(), text: "x".repeat(2001) })).toBeUndefined();
    expect(s.session.getSnapshot().messages).toEqual([]);
    expect(s.api.calls.image).toEqual([]);
    // Exactly 5 MB, and a file the device could not type (the server judges the bytes), go.
    expect(problem({ file: photo(MAX_CHAT_IMAGE_BYTES) })).toBe("sent");
    expect(problem({ file: new Blob([new Uint8Array(8)]) })).toBe("sent");
    await vi.advanceTimersByTimeAsync(0);
    expect(s.api.calls.image.map((c) => c.fileName)).toEqual(["IMG_0001.png", "photo"]);
    await s.session.close();
  });

  it("without sendImage in the ChatApi, says so", async () => {
    const s = setup();
    const api = Object.assign(Object.create(Object.getPrototypeOf(s.api) as object) as MemoryChatApi, s.api, {
      sendImage: undefined,
    });
    const session = createChatSession({ api, bookingId: BOOKING_ID, viewer: CUSTOMER, realtime: false });
    expect(() => session.sendImage({ file: photo() })).toThrow(/cannot send photos/);
    await session.close();
    await s.session.close();
  });
});

describe("unread, read marker and search", () => {
  it("counts others' messages after the marker; markRead moves it and tells the app", async () => {
    const onReadMarkerChange = vi.fn();
    const s = setup({ readMarker: 1, onReadMarkerChange });
    s.api.add();
    s.api.add();
    s.api.add({ ...CUSTOMER });
    await openLive(s);
    expect(s.session.getSnapshot().unread).toEqual({ count: 1, exact: true });
    s.factory.last().emit(["x.create"], toRow(s.api.add()));
    expect(s.session.getSnapshot().unread.count).toBe(2);
    s.session.markRead();
    expect(s.session.getSnapshot()).toMatchObject({ readMarker: 4, unread: { count: 0, exact: true } });
    expect(onReadMarkerChange).toHaveBeenCalledWith(4);
    s.session.markRead();
    expect(onReadMarkerChange).toHaveBeenCalledTimes(1);
    await s.session.close();
  });

  it("searches loaded messages and the server, once each, in conversation order", async () => {
    const s = setup();
    s.api.add({ text: "Villa Kayu gate" });
    s.api.addMany(60);
    s.api.add({ text: "the villa has a dog" });
    await openLive(s);
    s.api.faults.send.push(Object.assign(new Error("no"), { status: 400 }));
    await s.session.send({ kind: "text", text: "which villa?" });
    const result = await s.session.search("villa");
    expect(result.complete).toBe(true);
    expect(result.messages.map((m) => m.id)).toEqual(["m1", "m62", "client-0001"]);
    await s.session.close();
  });

  it("without server search, searches what is loaded and says it may be incomplete", async () => {
    const memory = new MemoryChatApi();
    memory.add({ text: "villa" });
    memory.addMany(50);
    memory.add({ text: "Villa gate" });
    const api = {
      listMessages: memory.listMessages.bind(memory),
      sendMessage: memory.sendMessage.bind(memory),
      mintRealtimeToken: memory.mintRealtimeToken.bind(memory),
    };
    const session = createChatSession({ api, bookingId: BOOKING_ID, viewer: CUSTOMER, realtime: false });
    await session.open();
    expect(await session.search("villa")).toEqual({
      messages: [expect.objectContaining({ id: "m52" })],
      complete: false,
    });
    await session.close();
  });
});

describe("close", () => {
  it("leaves no timers, no sockets, no listeners", async () => {
    const s = setup();
    await openLive(s);
    s.api.faults.send.push(unavailable());
    const sending = s.session.send({ kind: "text", text: "in flight" }); // waiting to retry
    await vi.advanceTimersByTimeAsync(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    await s.session.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(s.factory.instances.every((r) => r.disconnected)).toBe(true);
    expect(s.session.getSnapshot()).toMatchObject({ status: "closed", connection: "stopped" });
    expect((await sending).ok).toBe(false);

    const before = s.emitted.length;
    s.factory.last().emit(["x.create"], toRow(s.api.add()));
    await s.session.resync();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.emitted.length).toBe(before);
    expect(() => s.session.send({ kind: "text", text: "late" })).toThrow(/closed/);
    await expect(s.session.open()).rejects.toThrow(/closed/);
    await s.session.close();
  });
});
