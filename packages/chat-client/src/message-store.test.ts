import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addLocalMessage,
  applyPage,
  countUnread,
  createMessageState,
  newestServerMessage,
  normalizeSearchText,
  oldestServerMessage,
  receiveMessages,
  removeLocalMessage,
  removeMessage,
  searchLoaded,
  setLocalDelivery,
  type MessageState,
} from "./message-store";
import type { ServerMessage } from "./chat-message";
import { confirmed, CUSTOMER, localText, serverText, THERAPIST } from "../test/support/messages";

const ids = (state: MessageState): string[] => state.messages.map((m) => m.id);
const page = (seqs: number[], hasMore = false) => ({ messages: seqs.map((s) => serverText(s)), hasMore });

describe("merge, dedupe and order", () => {
  it.each([
    { name: "in order", batches: [[1, 2, 3]], expected: ["m1", "m2", "m3"] },
    { name: "out of order", batches: [[3, 1, 2]], expected: ["m1", "m2", "m3"] },
    { name: "duplicates within a batch", batches: [[2, 2, 1]], expected: ["m1", "m2"] },
    { name: "duplicates across batches", batches: [[1, 2], [2, 3], [1]], expected: ["m1", "m2", "m3"] },
    { name: "late arrival of an older message", batches: [[5], [4], [6]], expected: ["m4", "m5", "m6"] },
  ])("$name", ({ batches, expected }) => {
    let state = createMessageState();
    for (const batch of batches)
      state = receiveMessages(
        state,
        batch.map((s) => serverText(s)),
      );
    expect(ids(state)).toEqual(expected);
    expect(state.messages.every((m) => m.delivery === "sent")).toBe(true);
  });

  it("orders by sequence, not by createdAt (clocks differ; the server's insertion order wins)", () => {
    const early = serverText(2, { createdAt: "2025-01-01T00:00:00.000Z" });
    const late = serverText(1, { createdAt: "2025-06-01T00:00:00.000Z" });
    expect(ids(receiveMessages(createMessageState(), [early, late]))).toEqual(["m1", "m2"]);
  });

  it("a later copy of a message replaces the earlier one", () => {
    let state = receiveMessages(createMessageState(), [serverText(1)]);
    state = receiveMessages(state, [serverText(1, { text: "edited" })]);
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({ id: "m1", text: "edited" });
  });

  it("returns the same state object when nothing changes (subscribers need not render)", () => {
    const empty = createMessageState();
    expect(receiveMessages(empty, [])).toBe(empty);
    const state = applyPage(empty, page([1, 2], true), "latest");
    expect(receiveMessages(state, [serverText(2), serverText(1)])).toBe(state);
    expect(applyPage(state, page([2]), "newer")).toBe(state);
    const system = receiveMessages(state, [
      {
        ...serverText(3),
        kind: "system",
        senderType: "system",
        senderId: null,
        systemKey: "on_the_way",
        systemParams: { etaMinutes: 5 },
      } as ServerMessage,
    ]);
    expect(receiveMessages(system, [{ ...system.messages[2]!, sequence: 3 } as ServerMessage])).toBe(system);
    expect(receiveMessages(state, [serverText(2, { text: "edited" })])).not.toBe(state);
  });

  it("removes a deleted message", () => {
    const state = receiveMessages(createMessageState(), [serverText(1), serverText(2)]);
    expect(ids(removeMessage(state, "m1"))).toEqual(["m2"]);
    expect(removeMessage(state, "nope")).toBe(state);
  });
});

describe("optimistic messages", () => {
  it("show after server messages, as sending, in send order", () => {
    let state = receiveMessages(createMessageState(), [serverText(1)]);
    state = addLocalMessage(state, localText("local-aaaa"));
    state = addLocalMessage(state, localText("local-bbbb"));
    state = receiveMessages(state, [serverText(2)]);
    expect(ids(state)).toEqual(["m1", "m2", "local-aaaa", "local-bbbb"]);
    expect(state.messages.map((m) => m.delivery)).toEqual(["sent", "sent", "sending", "sending"]);
    expect(state.messages[2]?.sequence).toBeNull();
  });

  it("are replaced by the server's copy, wherever it comes from and whenever", () => {
    let state = addLocalMessage(createMessageState(), localText("local-aaaa"));
    state = receiveMessages(state, [serverText(1), confirmed(2, "local-aaaa")]);
    expect(ids(state)).toEqual(["m1", "m2"]);
    expect(state.messages[1]).toMatchObject({ clientMessageId: "local-aaaa", delivery: "sent", sequence: 2 });
    // A copy added after the server's (a retry racing a realtime event) changes nothing.
    expect(addLocalMessage(state, localText("local-aaaa"))).toBe(state);
  });

  it("can fail, be retried and be discarded", () => {
    let state = addLocalMessage(createMessageState(), localText("local-aaaa"));
    state = setLocalDelivery(state, "local-aaaa", "failed");
    expect(state.messages[0]?.delivery).toBe("failed");
    expect(setLocalDelivery(state, "local-aaaa", "failed")).toBe(state);
    state = setLocalDelivery(state, "local-aaaa", "sending");
    expect(state.messages[0]?.delivery).toBe("sending");
    expect(setLocalDelivery(state, "unknown", "failed")).toBe(state);
    expect(removeLocalMessage(state, "local-aaaa").messages).toEqual([]);
    expect(removeLocalMessage(state, "unknown")).toBe(state);
  });

  it("re-adding the same clientMessageId replaces the copy in place", () => {
    let state = addLocalMessage(createMessageState(), localText("local-aaaa", "one"));
    state = addLocalMessage(state, localText("local-bbbb"));
    state = addLocalMessage(state, localText("local-aaaa", "two"));
    expect(state.messages.map((m) => (m.kind === "text" ? m.text : ""))).toEqual(["two", "draft local-bbbb"]);
  });

  it("need a clientMessageId", () => {
    expect(() => addLocalMessage(createMessageState(), { ...localText("local-aaaa"), clientMessageId: null })).toThrow(
      TypeError,
    );
  });
});

describe("pages", () => {
  it("latest: the newest page; hasMore means older ones exist", () => {
    const state = applyPage(createMessageState(), page([48, 49, 50], true), "latest");
    expect(ids(state)).toEqual(["m48", "m49", "m50"]);
    expect(state.hasOlder).toBe(true);
  });

  it("latest: keeps messages newer than the page (realtime while loading), drops older ones (maybe a gap)", () => {
    let state = receiveMessages(createMessageState(), [serverText(1), serverText(60)]);
    state = addLocalMessage(state, localText("local-aaaa"));
    state = applyPage(state, page([40, 41]), "latest");
    expect(ids(state)).toEqual(["m40", "m41", "m60", "local-aaaa"]);
  });

  it("latest: an empty page keeps what realtime brought", () => {
    const state = applyPage(receiveMessages(createMessageState(), [serverText(3)]), page([]), "latest");
    expect(ids(state)).toEqual(["m3"]);
    expect(state.hasOlder).toBe(false);
  });

  it("older: prepends; hasMore decides hasOlder", () => {
    let state = applyPage(createMessageState(), page([3, 4], true), "latest");
    state = applyPage(state, page([1, 2], false), "older");
    expect(ids(state)).toEqual(["m1", "m2", "m3", "m4"]);
    expect(state.hasOlder).toBe(false);
  });

  it("newer: merges without touching hasOlder", () => {
    let state = applyPage(createMessageState(), page([3, 4], true), "latest");
    state = applyPage(state, page([4, 5, 6], true), "newer");
    expect(ids(state)).toEqual(["m3", "m4", "m5", "m6"]);
    expect(state.hasOlder).toBe(true);
  });
});

describe("cap", () => {
  it("drops the oldest server messages beyond the cap and remembers older ones exist", () => {
    let state = createMessageState({ cap: 3 });
    state = applyPage(state, page([1, 2]), "latest");
    expect(state.hasOlder).toBe(false);
    state = addLocalMessage(state, localText("local-aaaa"));
    state = receiveMessages(state, [serverText(3), serverText(4), serverText(5)]);
    expect(ids(state)).toEqual(["m3", "m4", "m5", "local-aaaa"]);
    expect(state.hasOlder).toBe(true);
    expect(oldestServerMessage(state)?.id).toBe("m3");
    expect(newestServerMessage(state)?.id).toBe("m5");
  });

  it("an older page that does not fit keeps the newest messages", () => {
    let state = applyPage(createMessageState({ cap: 3 }), page([5, 6], true), "latest");
    state = applyPage(state, page([2, 3, 4], false), "older");
    expect(ids(state)).toEqual(["m4", "m5", "m6"]);
    expect(state.hasOlder).toBe(true);
  });

  it("defaults to 500 and refuses nonsense", () => {
    expect(createMessageState().cap).toBe(500);
    const many = Array.from({ length: 520 }, (_, i) => serverText(i + 1));
    const state = receiveMessages(createMessageState(), many);
    expect(state.messages).toHaveLength(500);
    expect(state.messages[0]?.id).toBe("m21");
    expect(() => createMessageState({ cap: 0 })).toThrow(RangeError);
  });

  it("an empty store has no oldest or newest", () => {
    const state = addLocalMessage(createMessageState(), localText("local-aaaa"));
    expect(oldestServerMessage(state)).toBeUndefined();
    expect(newestServerMessage(state)).toBeUndefined();
  });
});

describe("unread", () => {
  const mixed = [
    serverText(1),
    serverText(2, { ...CUSTOMER }),
    serverText(3),
    serverText(4, { senderType: "system", senderId: null, kind: "text" }),
    serverText(5, { ...CUSTOMER }),
  ];
  it.each([
    { marker: null, viewer: CUSTOMER, count: 3 },
    { marker: 1, viewer: CUSTOMER, count: 2 },
    { marker: 3, viewer: CUSTOMER, count: 1 },
    { marker: 5, viewer: CUSTOMER, count: 0 },
    { marker: 99, viewer: CUSTOMER, count: 0 },
    { marker: null, viewer: THERAPIST, count: 3 },
    { marker: 2, viewer: THERAPIST, count: 2 },
  ])("marker $marker as $viewer.senderType: $count", ({ marker, viewer, count }) => {
    const state = receiveMessages(createMessageState(), mixed);
    expect(countUnread(state, marker, viewer)).toEqual({ count, exact: true });
  });

  it("is a lower bound when the marker is older than everything held and older messages exist", () => {
    const state = applyPage(createMessageState(), page([10, 11], true), "latest");
    expect(countUnread(state, 5, CUSTOMER)).toEqual({ count: 2, exact: false });
    expect(countUnread(state, null, CUSTOMER)).toEqual({ count: 2, exact: false });
    expect(countUnread(state, 10, CUSTOMER)).toEqual({ count: 1, exact: true });
  });

  it("never counts this device's unconfirmed messages", () => {
    const state = addLocalMessage(createMessageState(), localText("local-aaaa"));
    expect(countUnread(state, null, THERAPIST).count).toBe(0);
  });
});

describe("search within loaded messages", () => {
  const state = receiveMessages(createMessageState(), [
    serverText(1, { text: "The villa is in Canggu" }),
    serverText(2, { text: "Café near the beach?" }),
    serverText(3, { text: "see you at the VILLA gate" }),
    { ...serverText(4), kind: "location", lat: -8.6, lng: 115.1, text: "Villa Seminyak" } as ServerMessage,
    {
      ...serverText(5),
      kind: "system",
      senderType: "system",
      senderId: null,
      systemKey: "arrived",
      systemParams: {},
    } as ServerMessage,
  ]);

  it.each([
    { query: "villa", expected: ["m1", "m3", "m4"] },
    { query: "  VILLA   gate ", expected: ["m3"] },
    { query: "cafe", expected: ["m2"] },
    { query: "café beach", expected: ["m2"] },
    { query: "villa beach", expected: [] },
    { query: "", expected: [] },
    { query: "arrived", expected: [] },
  ])("'$query'", ({ query, expected }) => {
    expect(searchLoaded(state, query).map((m) => m.id)).toEqual(expected);
  });

  it("includes system messages when given their rendered text", () => {
    const textOf = (m: ServerMessage | { kind: string }) =>
      m.kind === "system" ? "Your therapist has arrived." : null;
    expect(searchLoaded(state, "arrived", textOf).map((m) => m.id)).toEqual(["m5"]);
  });

  it("normalizes case, accents and spaces", () => {
    expect(normalizeSearchText("  Ça  VA\tbien ")).toBe("ca va bien");
  });
});

// Any interleaving of pages (latest/older/newer), realtime events (duplicated, out of order), optimistic sends and
// their confirmations holds each message once, server messages strictly by sequence, unconfirmed copies last.
describe("property: every interleaving yields each message once, in order", () => {
  type Op =
    | { type: "realtime"; seqs: number[] }
    | { type: "page"; direction: "latest" | "older" | "newer"; seqs: number[]; hasMore: boolean }
    | { type: "send"; n: number }
    | { type: "confirm"; n: number; seq: number }
    | { type: "fail"; n: number };

  const seq = fc.integer({ min: 1, max: 40 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ type: fc.constant("realtime" as const), seqs: fc.array(seq, { maxLength: 6 }) }),
    fc.record({
      type: fc.constant("page" as const),
      direction: fc.constantFrom("latest" as const, "older" as const, "newer" as const),
      seqs: fc.uniqueArray(seq, { maxLength: 8 }).map((s) => s.sort((a, b) => a - b)),
      hasMore: fc.boolean(),
    }),
    fc.record({ type: fc.constant("send" as const), n: fc.integer({ min: 0, max: 5 }) }),
    fc.record({
      type: fc.constant("confirm" as const),
      n: fc.integer({ min: 0, max: 5 }),
      seq: fc.integer({ min: 41, max: 60 }),
    }),
    fc.record({ type: fc.constant("fail" as const), n: fc.integer({ min: 0, max: 5 }) }),
  );

  const cid = (n: number) => `client-${n}-xxxx`;

  function run(ops: Op[], cap: number) {
    let state = createMessageState({ cap });
    // Each clientMessageId is confirmed with one sequence (the server stores a send once).
    const confirmedSeq = new Map<number, number>();
    const usedSeq = new Set<number>();
    for (const o of ops) {
      switch (o.type) {
        case "realtime":
          state = receiveMessages(
            state,
            o.seqs.map((s) => serverText(s)),
          );
          break;
        case "page":
          state = applyPage(state, { messages: o.seqs.map((s) => serverText(s)), hasMore: o.hasMore }, o.direction);
          break;
        case "send":
          state = addLocalMessage(state, localText(cid(o.n)));
          break;
        case "confirm": {
          let s = confirmedSeq.get(o.n);
          if (s === undefined) {
            if (usedSeq.has(o.seq)) break;
            s = o.seq;
            confirmedSeq.set(o.n, s);
            usedSeq.add(s);
          }
          state = receiveMessages(state, [confirmed(s, cid(o.n))]);
          break;
        }
        case "fail":
          state = setLocalDelivery(state, cid(o.n), "failed");
          break;
      }
    }
    return state;
  }

  function checkInvariants(state: MessageState) {
    const allIds = state.messages.map((m) => m.id);
    expect(new Set(allIds).size).toBe(allIds.length);
    const clientIds = state.messages.flatMap((m) => (m.clientMessageId ? [m.clientMessageId] : []));
    expect(new Set(clientIds).size).toBe(clientIds.length);
    const firstLocal = state.messages.findIndex((m) => m.sequence === null);
    const server = firstLocal === -1 ? state.messages : state.messages.slice(0, firstLocal);
    const locals = firstLocal === -1 ? [] : state.messages.slice(firstLocal);
    expect(locals.every((m) => m.sequence === null && m.delivery !== "sent")).toBe(true);
    expect(server.every((m) => m.sequence !== null && m.delivery === "sent")).toBe(true);
    for (let i = 1; i < server.length; i += 1) expect(server[i]!.sequence!).toBeGreaterThan(server[i - 1]!.sequence!);
    expect(server.length).toBeLessThanOrEqual(state.cap);
  }

  it("with room for everything, nothing realtime delivered is lost", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const state = run(ops, 500);
        checkInvariants(state);
        // Messages from realtime and confirmations are never lost (pages of type "latest" may drop older ones).
        const lastLatest = ops.map((o) => o.type === "page" && o.direction === "latest").lastIndexOf(true);
        const held = new Set(state.messages.map((m) => m.id));
        for (const o of ops.slice(lastLatest + 1)) {
          if (o.type === "realtime") for (const s of o.seqs) expect(held.has(`m${s}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with a small cap, the newest messages are kept", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const state = run(ops, 5);
        checkInvariants(state);
        const uncapped = run(ops, 500);
        const keep = uncapped.messages.filter((m) => m.sequence !== null).slice(-5);
        const server = state.messages.filter((m) => m.sequence !== null);
        // The capped store holds a suffix of what an uncapped one would hold, or more recent messages.
        expect(server.at(-1)?.id).toBe(keep.at(-1)?.id);
      }),
      { numRuns: 300 },
    );
  });
});
