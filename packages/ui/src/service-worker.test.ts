// @vitest-environment node
// packages/ui/public/sw.js (both apps' public/sw.js link to it) run in a stand-in worker scope (node:vm): what a push shows, what a tap opens, what it reports, and
// that it never touches fetches. The real browser run is e2e/push.e2e.test.ts; this pins the details cheaply.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const source = readFileSync(new URL("../public/sw.js", import.meta.url), "utf8");
const ORIGIN = "https://therapist.tenang.test";

type Listener = (event: Record<string, unknown>) => void;

interface FakeWindow {
  url: string;
  focus: () => Promise<FakeWindow>;
  navigate: (url: string) => Promise<FakeWindow>;
}

function loadWorker(openWindows: string[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: Array<{ title: string; options: Record<string, unknown> }> = [];
  const posted: Array<{ url: string; body: unknown }> = [];
  const opened: string[] = [];
  const focused: string[] = [];
  const windows: FakeWindow[] = openWindows.map((url) => {
    const w: FakeWindow = {
      url,
      focus: async () => (focused.push(w.url), w),
      navigate: async (to: string) => ((w.url = to), w),
    };
    return w;
  });
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => undefined,
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => void shown.push({ title, options }),
    },
    clients: {
      claim: async () => undefined,
      matchAll: async () => windows,
      openWindow: async (url: string) => void opened.push(url),
    },
  };
  const fetch = async (url: string, init: { body: string }) => {
    posted.push({ url, body: JSON.parse(init.body) });
    return new Response(null, { status: 204 });
  };
  runInNewContext(source, { self, fetch, URL, JSON, Promise, Date, Array });
  /** Dispatches an event and waits for what it passed to waitUntil. */
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    let pending: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (pending = p) });
    await pending;
  };
  return { listeners, shown, posted, opened, focused, windows, dispatch };
}

const pushEvent = (payload: unknown) => ({
  data: { json: () => payload, text: () => JSON.stringify(payload) },
});

const ID = "a".repeat(32);

describe("service worker", () => {
  it("is what both apps serve at /sw.js (their public/sw.js link to this one file)", () => {
    for (const app of ["customer", "therapist-dashboard"]) {
      expect(readFileSync(new URL(`../../../apps/${app}/public/sw.js`, import.meta.url), "utf8")).toBe(source);
    }
  });

  it("has no fetch handler: nothing is cached, /api always goes to the network", () => {
    const worker = loadWorker();
    expect([...worker.listeners.keys()].sort()).toEqual(["activate", "install", "notificationclick", "push"]);
  });

  it("shows an offer push with its vibration, kept on screen, and reports it delivered", async () => {
    const worker = loadWorker();
    await worker.dispatch(
      "push",
      pushEvent({
        title: "New booking request · Rp245.000",
        body: "60 min · Seminyak.",
        url: "/",
        tag: "b1_1",
        requireInteraction: true,
        vibrate: [400, 200, 400],
        id: ID,
      }),
    );
    expect(worker.shown).toHaveLength(1);
    expect(worker.shown[0]!.title).toBe("New booking request · Rp245.000");
    expect(worker.shown[0]!.options).toMatchObject({
      body: "60 min · Seminyak.",
      tag: "b1_1",
      renotify: true,
      requireInteraction: true,
      vibrate: [400, 200, 400],
      data: { url: `${ORIGIN}/`, id: ID },
    });
    expect(worker.posted).toEqual([{ url: "/api/push/receipt", body: { id: ID, event: "delivered" } }]);
  });

  it("never opens another site from a payload's url", async () => {
    const worker = loadWorker();
    await worker.dispatch("push", pushEvent({ title: "x", url: "https://evil.example/phish" }));
    expect((worker.shown[0]!.options.data as { url: string }).url).toBe(`${ORIGIN}/`);
    // No id, no receipt.
    expect(worker.posted).toEqual([]);
  });

  const click = (url: string) => ({ notification: { data: { url, id: ID }, close: () => undefined } });

  it("a tap focuses the tab already on that page, and reports the click", async () => {
    const worker = loadWorker([`${ORIGIN}/earnings`, `${ORIGIN}/bookings/b1`]);
    await worker.dispatch("notificationclick", click(`${ORIGIN}/bookings/b1`));
    expect(worker.focused).toEqual([`${ORIGIN}/bookings/b1`]);
    expect(worker.opened).toEqual([]);
    expect(worker.posted).toEqual([{ url: "/api/push/receipt", body: { id: ID, event: "clicked" } }]);
  });

  it("a tap moves an open tab of the app to the page, or opens a window when none is open", async () => {
    const withTab = loadWorker([`${ORIGIN}/earnings`]);
    await withTab.dispatch("notificationclick", click(`${ORIGIN}/bookings/b2`));
    expect(withTab.windows[0]!.url).toBe(`${ORIGIN}/bookings/b2`);
    expect(withTab.focused).toEqual([`${ORIGIN}/bookings/b2`]);

    const closed = loadWorker();
    await closed.dispatch("notificationclick", click(`${ORIGIN}/bookings/b3`));
    expect(closed.opened).toEqual([`${ORIGIN}/bookings/b3`]);
  });
});
