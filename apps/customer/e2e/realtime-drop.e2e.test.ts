// "A dropped realtime connection loses no message", in a real browser. Every Realtime socket the page opens goes
// through Playwright's WebSocket routing, so the test can cut the connection the way a phone losing signal does
// (both ends closed, and new connections refused for a while), have the therapist write in the meantime, then let
// the page reconnect: every missed message must appear once, in order, and the chat must be live again afterwards.
import { sendMessage } from "@tenang/booking-server/messages/send-message";
import type { Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptCurrentOffer,
  bookingIdOn,
  fillServiceCard,
  newGuest,
  onlyOnline,
  startBookingWorld,
  type BookingWorld,
} from "./support/booking-world";

let world: BookingWorld;

beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(async () => {
  await world?.close();
});

/** Routes the page's Realtime sockets through the test, which can cut them all and refuse new ones. */
async function controllableRealtime(page: Page) {
  const open = new Set<WebSocketRoute>();
  let refusing = false;
  let connections = 0;
  const frames: string[] = [];
  await page.routeWebSocket(/\/realtime/, (socket) => {
    if (refusing) {
      // Like a network that is down: the socket never gets through.
      void socket.close({ code: 4000, reason: "network down (test)" });
      return;
    }
    connections += 1;
    const server = socket.connectToServer();
    // Forward both ways ourselves (a handler takes over forwarding), recording what the server pushed.
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      frames.push(String(message));
      socket.send(message);
    });
    open.add(socket);
    socket.onClose(() => open.delete(socket));
  });
  return {
    connections: () => connections,
    frames,
    async drop() {
      refusing = true;
      await Promise.all([...open].map((socket) => socket.close({ code: 4001, reason: "connection dropped (test)" })));
      open.clear();
    },
    restore() {
      refusing = false;
    },
  };
}

async function therapistSays(bookingId: string, therapistId: string, text: string, n: number): Promise<void> {
  await sendMessage(world.ctx, {
    bookingId,
    sender: { role: "therapist", id: therapistId },
    input: { kind: "text", clientMessageId: `drop-test-${bookingId}-${n}`.slice(0, 64), text },
  });
}

const theirTexts = (page: Page) => page.locator('[data-testid="chat-message"][data-own="false"]').allInnerTexts();

describe("customer chat over a dropped realtime connection", () => {
  it("every message sent while the connection was down appears once, in order, and the chat is live again", async () => {
    await onlyOnline(world, ["therapist-01"]);
    const { context, page } = await newGuest(world);
    const realtime = await controllableRealtime(page);

    await page.goto(world.app.url);
    await page.getByTestId("book-now").click();
    await fillServiceCard(page);
    await page.getByTestId("confirm-search").click();
    const bookingId = await bookingIdOn(page);
    const therapistId = await acceptCurrentOffer(world, bookingId);
    await page.getByTestId("accept-therapist").click();
    await expect.poll(() => page.getByTestId("booking-chat").getAttribute("data-status")).toBe("confirmed");

    // Live first: a message reaches the page through the routed socket.
    await therapistSays(bookingId, therapistId, "Before the drop", 0);
    await page.getByText("Before the drop").waitFor();
    expect(realtime.frames.some((frame) => frame.includes("Before the drop"))).toBe(true);

    // The connection drops, and stays down while the therapist writes three messages.
    await realtime.drop();
    await page.getByText("Reconnecting… messages will catch up.").waitFor();
    const missed = [
      "Missed one: I'm leaving now",
      "Missed two: traffic on Jl. Sunset",
      "Missed three: 10 minutes away",
    ];
    for (const [i, text] of missed.entries()) await therapistSays(bookingId, therapistId, text, i + 1);
    const connectionsWhileDown = realtime.connections();

    // The network comes back: the page reconnects by itself and backfills what it missed.
    realtime.restore();
    await expect.poll(() => realtime.connections(), { timeout: 30_000 }).toBeGreaterThan(connectionsWhileDown);
    // Well inside the chat's 10 s safety-net sync: the reconnect itself must backfill the gap.
    await expect
      .poll(async () => (await theirTexts(page)).filter((text) => text.includes("Missed")).length, { timeout: 7_000 })
      .toBe(3);
    const texts = await theirTexts(page);
    const order = missed.map((text) => texts.findIndex((shown) => shown.includes(text)));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    for (const text of [...missed, "Before the drop"]) {
      expect(texts.filter((shown) => shown.includes(text))).toHaveLength(1);
    }
    await page.getByText("Reconnecting… messages will catch up.").waitFor({ state: "hidden" });

    // And the new socket is live: the next message arrives through it, pushed by the server.
    const framesBefore = realtime.frames.length;
    await therapistSays(bookingId, therapistId, "After the reconnect", 4);
    await page.getByText("After the reconnect").waitFor({ timeout: 8_000 });
    expect(realtime.frames.slice(framesBefore).some((frame) => frame.includes("After the reconnect"))).toBe(true);
    expect((await theirTexts(page)).filter((text) => text.includes("After the reconnect"))).toHaveLength(1);
    await context.close();
  });
});
