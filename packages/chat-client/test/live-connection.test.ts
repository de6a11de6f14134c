// The tab's one connection against the real local server and the web SDK's Realtime over real WebSockets: several
// listeners share one socket (a listener joining an open socket is subscribed on it), each hears only its channel,
// and one that leaves stops hearing while the others go on.
import "./support/web-sdk-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatSession, type ChatSession } from "../src/chat-session";
import { createLiveConnection } from "../src/live-connection";
import { startChatBackend, type ChatBackend } from "./support/chat-backend";
import { network } from "./support/web-sdk-env";
import { waitFor } from "./support/tracked-timers";

let backend: ChatBackend;

beforeAll(async () => {
  backend = await startChatBackend();
});
afterAll(async () => {
  await backend?.close();
});

const textsOf = (session: ChatSession) =>
  session.getSnapshot().messages.map((m) => (m.kind === "text" ? m.text : `[${m.kind}]`));

describe("one socket for the tab", () => {
  it("carries two chats on one socket; a chat that closes stops hearing, the other goes on", async () => {
    const api = backend.apiFor(backend.customer);
    const connection = createLiveConnection({ mintToken: (call) => api.mintRealtimeToken(call) });
    const before = network.sockets.length;
    const open = async (bookingId: string) => {
      const session = createChatSession({
        api,
        bookingId,
        viewer: { senderType: backend.customer.senderType, senderId: backend.customer.senderId },
        settleSyncMs: 60_000,
        syncIntervalMs: 60_000,
        realtime: { connection },
      });
      await session.open();
      return session;
    };
    const firstBooking = await backend.createBooking();
    const first = await open(firstBooking);
    const secondBooking = await backend.createBooking();
    // Joins the socket the first one opened.
    const second = await open(secondBooking);
    expect(network.sockets.length - before).toBe(1);
    expect(connection.status).toBe("live");

    await backend.write(backend.therapist, firstBooking, "to the first");
    await backend.write(backend.therapist, secondBooking, "to the second");
    await waitFor(() => textsOf(first).includes("to the first"), "first chat delivery");
    await waitFor(() => textsOf(second).includes("to the second"), "second chat delivery");
    expect(textsOf(first)).not.toContain("to the second");
    expect(textsOf(second)).not.toContain("to the first");

    await first.close();
    await backend.write(backend.therapist, secondBooking, "still here");
    await waitFor(() => textsOf(second).includes("still here"), "delivery after the other chat closed");
    expect(network.sockets.length - before).toBe(1);

    await second.close();
    // The last listener left: the socket closes.
    await waitFor(() => network.sockets.slice(before).every((s) => s.readyState === s.CLOSED), "socket closed");
    await connection.stop();
  });
});
