import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLiveConnection, type LiveEvent, type LiveListener, type OpenReason } from "./live-connection";
import type { RealtimeToken } from "./chat-api";
import { fakeRealtimeFactory, fakeToken } from "../test/support/fake-realtime";

function setup() {
  const factory = fakeRealtimeFactory();
  let minted = 0;
  const mint = vi.fn(async (): Promise<RealtimeToken> => fakeToken(++minted, Date.now()));
  const connection = createLiveConnection({ mintToken: mint, createRealtime: factory.create, random: () => 0.5 });
  return { factory, mint, connection };
}

function listener(channel: string) {
  const events: LiveEvent[] = [];
  const opens: OpenReason[] = [];
  const spec: LiveListener = {
    channels: (db) => [`tablesdb.${db}.tables.${channel}.rows`],
    onEvent: (e) => events.push(e),
    onOpen: (reason) => opens.push(reason),
  };
  return { spec, events, opens };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 10, 22, 6, 0, 0) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("one connection for every listener of the tab", () => {
  it("carries several listeners on one socket, each hearing only its channels", async () => {
    const { factory, mint, connection } = setup();
    const offers = listener("offers");
    const signals = listener("booking_updates");
    const first = connection.subscribe(offers.spec);
    const second = connection.subscribe(signals.spec);
    await vi.advanceTimersByTimeAsync(0);
    expect(factory.instances).toHaveLength(1);
    expect(mint).toHaveBeenCalledTimes(1);
    const rt = factory.last();
    expect(rt.subscriptions.map((s) => s.channels)).toEqual([
      ["tablesdb.db1.tables.offers.rows"],
      ["tablesdb.db1.tables.booking_updates.rows"],
    ]);
    rt.open();
    await Promise.all([first.ready, second.ready]);
    expect(connection.status).toBe("live");
    expect(offers.opens).toEqual(["initial"]);
    expect(signals.opens).toEqual(["initial"]);

    rt.emit(["tablesdb.db1.tables.offers.rows.o1.update"], { $id: "o1" }, ["tablesdb.db1.tables.offers.rows.o1"]);
    expect(offers.events).toHaveLength(1);
    expect(offers.events[0]?.channels).toEqual(["tablesdb.db1.tables.offers.rows.o1"]);
    expect(signals.events).toHaveLength(0);
  });

  it("adds a late listener to the open socket and tells it the socket is open (for its backfill)", async () => {
    const { factory, connection } = setup();
    const offers = listener("offers");
    const started = connection.subscribe(offers.spec);
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    await started.ready;
    const chat = listener("messages");
    const late = connection.subscribe(chat.spec);
    await late.ready;
    expect(factory.instances).toHaveLength(1);
    expect(factory.last().subscriptions).toHaveLength(2);
    expect(chat.opens).toEqual(["initial"]);
  });

  it("resubscribes every listener after a drop, with the one backoff table, and reports the reconnect to each", async () => {
    const { factory, connection } = setup();
    const a = listener("offers");
    const b = listener("therapists");
    connection.subscribe(a.spec);
    connection.subscribe(b.spec);
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    factory.last().close();
    expect(connection.status).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(250);
    expect(factory.instances).toHaveLength(2);
    expect(factory.last().subscriptions).toHaveLength(2);
    factory.last().open();
    expect(a.opens).toEqual(["initial", "reconnect"]);
    expect(b.opens).toEqual(["initial", "reconnect"]);
  });

  it("a listener that leaves hears nothing more; the last one closes the socket and every timer", async () => {
    const { factory, connection } = setup();
    const a = listener("offers");
    const b = listener("offers");
    const subA = connection.subscribe(a.spec);
    const subB = connection.subscribe(b.spec);
    await vi.advanceTimersByTimeAsync(0);
    factory.last().open();
    subA.unsubscribe();
    factory.last().emit(["x.update"], { $id: "o1" }, ["tablesdb.db1.tables.offers.rows.o1"]);
    expect(a.events).toHaveLength(0);
    expect(b.events).toHaveLength(1);
    expect(factory.last().disconnected).toBe(false);
    subB.unsubscribe();
    expect(factory.last().disconnected).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(connection.status).toBe("idle");

    // The next listener starts afresh.
    connection.subscribe(listener("offers").spec);
    await vi.advanceTimersByTimeAsync(0);
    expect(factory.instances).toHaveLength(2);
  });
});
