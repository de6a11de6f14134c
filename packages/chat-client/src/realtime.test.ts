import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Query } from "appwrite";
import {
  createRealtimeTransport,
  refreshDelayMs,
  tokenLifetimeMs,
  type RealtimeChange,
  type RealtimeStatus,
  type RealtimeTransportOptions,
} from "./realtime";
import type { RealtimeToken } from "./chat-api";
import { fakeRealtimeFactory, fakeToken } from "../test/support/fake-realtime";

const row = (id: string, bookingId = "booking1") => ({
  $id: id,
  $sequence: "5",
  $createdAt: "2025-11-22T06:30:00.000+00:00",
  bookingId,
  senderType: "therapist",
  senderId: "t1",
  kind: "text",
  text: "hello",
  clientMessageId: null,
});

function setup(overrides: Partial<RealtimeTransportOptions> = {}) {
  const factory = fakeRealtimeFactory();
  const changes: RealtimeChange[] = [];
  const opens: string[] = [];
  const statuses: RealtimeStatus[] = [];
  let minted = 0;
  const mint = vi.fn(async (): Promise<RealtimeToken> => fakeToken(++minted, Date.now()));
  const transport = createRealtimeTransport({
    api: { mintRealtimeToken: mint },
    bookingId: "booking1",
    onChange: (c) => changes.push(c),
    onOpen: (reason) => opens.push(reason),
    onStatus: (s) => statuses.push(s),
    createRealtime: factory.create,
    random: () => 0.5,
    ...overrides,
  });
  return { factory, changes, opens, statuses, mint, transport };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 10, 22, 6, 0, 0) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("connecting", () => {
  it("mints a JWT, subscribes to the messages channel filtered to the booking, and reports open", async () => {
    const { factory, opens, statuses, mint, transport } = setup();
    const started = transport.start();
    await vi.advanceTimersByTimeAsync(0);
    const rt = factory.last();
    expect(mint).toHaveBeenCalledTimes(1);
    expect(rt.config).toEqual({
      endpoint: "http://appwrite.test/v1",
      projectId: "tenang",
      jwt: expect.stringMatching(/sig1$/),
    });
    expect(rt.subscription?.channels).toEqual(["tablesdb.db1.tables.messages.rows"]);
    expect(rt.subscription?.queries).toEqual([Query.equal("bookingId", "booking1")]);
    expect(transport.status).toBe("connecting");
    rt.open();
    await started;
    expect(transport.status).toBe("live");
    expect(statuses).toEqual(["connecting", "live"]);
    expect(opens).toEqual(["initial"]);
  });

  it("delivers upserts and deletes for this booking only", async () => {
    const { factory, changes, transport } = setup();
    void transport.start();
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    const rt = factory.last();
    rt.emit(["tablesdb.db1.tables.messages.rows.r1.create"], row("r1"));
    rt.emit(["tablesdb.db1.tables.messages.rows.r2.create"], row("r2", "other-booking"));
    rt.emit(["tablesdb.db1.tables.messages.rows.r3.update"], { ...row("r3"), kind: "sticker" });
    rt.emit(["tablesdb.db1.tables.messages.rows.r1.delete"], row("r1"));
    rt.emit(["x"], null);
    expect(changes).toEqual([
      { type: "upsert", message: expect.objectContaining({ id: "r1", sequence: 5, text: "hello" }) },
      { type: "delete", id: "r1" },
    ]);
  });

  it("retries the first connection with backoff when it fails", async () => {
    const { factory, transport, statuses } = setup();
    const started = transport.start();
    await vi.advanceTimersByTimeAsync(0);
    factory.last().fail();
    await started;
    expect(transport.status).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(249);
    expect(factory.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(factory.instances).toHaveLength(2);
    factory.last().open();
    expect(statuses).toEqual(["connecting", "reconnecting", "live"]);
  });
});

describe("drops", () => {
  async function live(overrides: Partial<RealtimeTransportOptions> = {}) {
    const s = setup(overrides);
    const started = s.transport.start();
    await vi.advanceTimersByTimeAsync(0);
    s.factory.last().open();
    await started;
    return s;
  }

  it("reconnects after a drop, reusing a fresh JWT, and reports the open for backfill", async () => {
    const { factory, transport, opens, mint } = await live();
    factory.last().close();
    expect(transport.status).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(250);
    expect(factory.instances).toHaveLength(2);
    expect(factory.instances[0]?.disconnected).toBe(true);
    factory.last().open();
    expect(transport.status).toBe("live");
    expect(opens).toEqual(["initial", "reconnect"]);
    expect(mint).toHaveBeenCalledTimes(1);
    expect(factory.last().config.jwt).toBe(factory.instances[0]?.config.jwt);
  });

  it("backs off 250 → 1000 → 2000 ms while it cannot connect, and resets once a connection is stable", async () => {
    const { factory } = await live();
    factory.last().close();
    const gaps: number[] = [];
    let last = Date.now();
    for (let i = 0; i < 3; i += 1) {
      const count = factory.instances.length;
      while (factory.instances.length === count) await vi.advanceTimersByTimeAsync(10);
      gaps.push(Date.now() - last);
      last = Date.now();
      factory.last().fail();
    }
    expect(gaps).toEqual([250, 1000, 2000]);
    // The 4th attempt succeeds and stays up; the next drop starts from 250 ms again.
    while (factory.instances.length === 4) await vi.advanceTimersByTimeAsync(10);
    factory.last().open();
    await vi.advanceTimersByTimeAsync(6_000);
    factory.last().close();
    const before = factory.instances.length;
    await vi.advanceTimersByTimeAsync(250);
    expect(factory.instances.length).toBe(before + 1);
  });

  it("mints a new JWT when the server refused the old one", async () => {
    const { factory, mint } = await live();
    factory.last().refuse(401);
    await vi.advanceTimersByTimeAsync(250);
    expect(mint).toHaveBeenCalledTimes(2);
    expect(factory.last().config.jwt).toMatch(/sig2$/);
  });

  it("keeps trying when minting fails", async () => {
    const { factory, mint, transport } = await live();
    mint.mockRejectedValueOnce(new TypeError("fetch failed"));
    factory.last().refuse(401);
    await vi.advanceTimersByTimeAsync(250);
    expect(factory.instances).toHaveLength(1);
    expect(transport.status).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(1000);
    expect(factory.instances).toHaveLength(2);
  });

  it("reconnect() replaces a live connection at once (stale socket, back online)", async () => {
    const { factory, transport, opens } = await live();
    transport.reconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(factory.instances).toHaveLength(2);
    expect(factory.instances[0]?.disconnected).toBe(true);
    factory.last().open();
    expect(opens).toEqual(["initial", "reconnect"]);
  });
});

describe("JWT refresh", () => {
  it("opens a connection with a new JWT before the old one expires, then closes the old one", async () => {
    const { factory, transport, opens, mint } = setup({ refreshMarginMs: 60_000, handoverMs: 2_000 });
    const started = transport.start();
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    await started;
    const first = factory.last();

    await vi.advanceTimersByTimeAsync(840_000 - 1);
    expect(mint).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(mint).toHaveBeenCalledTimes(2);
    const second = factory.last();
    expect(second).not.toBe(first);
    expect(second.config.jwt).toMatch(/sig2$/);
    expect(first.disconnected).toBe(false);

    second.open();
    expect(opens).toEqual(["initial", "refresh"]);
    expect(transport.status).toBe("live");
    // Both deliver during the handover (the store dedupes); then the old one closes, without a reconnect.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(first.disconnected).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.disconnected).toBe(true);
    expect(transport.status).toBe("live");
    expect(factory.instances).toHaveLength(2);

    // And the next refresh is scheduled from the new JWT.
    await vi.advanceTimersByTimeAsync(840_000);
    expect(mint).toHaveBeenCalledTimes(3);
  });

  it("refreshes short-lived JWTs halfway through their life", () => {
    expect(refreshDelayMs(900_000, 60_000)).toBe(840_000);
    expect(refreshDelayMs(60_000, 60_000)).toBe(30_000);
    expect(refreshDelayMs(500, 60_000)).toBe(1_000);
  });

  it("reads the lifetime from the JWT (server clock), else from expiresAt (device clock)", () => {
    const now = Date.UTC(2025, 10, 22, 6, 0, 0);
    const token = fakeToken(1, now - 3_600_000, 900); // device clock an hour ahead
    expect(tokenLifetimeMs(token, now)).toBe(900_000);
    expect(tokenLifetimeMs({ jwt: "opaque", expiresAt: new Date(now + 120_000).toISOString() }, now)).toBe(120_000);
  });

  it("retries a failed refresh while the current connection keeps working", async () => {
    const { factory, transport, mint } = setup();
    const started = transport.start();
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    await started;
    mint.mockRejectedValueOnce(new TypeError("fetch failed"));
    await vi.advanceTimersByTimeAsync(840_000);
    expect(factory.instances).toHaveLength(1);
    expect(transport.status).toBe("live");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(factory.instances).toHaveLength(2);
  });

  it("a refreshed connection that fails leaves the current one in place", async () => {
    const { factory, transport } = setup();
    const started = transport.start();
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    await started;
    await vi.advanceTimersByTimeAsync(840_000);
    factory.last().fail();
    expect(transport.status).toBe("live");
    expect(factory.instances[0]?.disconnected).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(factory.instances).toHaveLength(3);
  });
});

describe("stop", () => {
  it("closes every connection, cancels every timer and delivers nothing afterwards", async () => {
    const { factory, transport, changes, statuses } = setup();
    const started = transport.start();
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    await started;
    await vi.advanceTimersByTimeAsync(840_000);
    factory.last().open(); // mid-handover: two open connections, a handover and a refresh timer pending
    expect(factory.instances).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(2);

    await transport.stop();
    expect(factory.instances.every((r) => r.disconnected)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(transport.status).toBe("stopped");
    expect(statuses.at(-1)).toBe("stopped");
    for (const rt of factory.instances) rt.emit(["x.create"], row("r9"));
    expect(changes).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(factory.instances).toHaveLength(2);
  });

  it("stops while still minting, without opening anything", async () => {
    let release: (t: RealtimeToken) => void = () => undefined;
    const { factory, transport } = setup({
      api: { mintRealtimeToken: () => new Promise<RealtimeToken>((resolve) => (release = resolve)) },
    });
    const started = transport.start();
    await transport.stop();
    release(fakeToken(1, Date.now()));
    await started;
    expect(factory.instances).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
