// A raw Realtime socket, as the appwrite web SDK opens it (docs/appwrite-protocol.md §5): connect with a JWT or a
// session, subscribe to channels, record every event and when the server closes the socket. Raw, so a probe can
// also send what a browser SDK never would (another Origin, a revoked credential).
import WebSocket from "ws";

export interface RealtimeEvent {
  events: string[];
  channels: string[];
  payload: Record<string, unknown>;
}

export interface RealtimeProbe {
  events: RealtimeEvent[];
  /** Every message the server sent (connected, responses, errors, events). */
  messages: { type: string; data: unknown }[];
  /** Set once the server (or we) closed the socket. */
  closed: { code: number; reason: string } | null;
  subscribe(channels: string[]): Promise<void>;
  close(): void;
}

export async function openRealtime(
  endpoint: string,
  projectId: string,
  auth: { jwt?: string; session?: string; origin?: string } = {},
): Promise<RealtimeProbe> {
  const url = new URL(`${endpoint.replace(/^http/, "ws")}/realtime`);
  url.searchParams.set("project", projectId);
  if (auth.jwt) url.searchParams.set("jwt", auth.jwt);
  const socket = new WebSocket(url, { headers: auth.origin ? { origin: auth.origin } : {} });
  const probe: RealtimeProbe = {
    events: [],
    messages: [],
    closed: null,
    async subscribe(channels) {
      const subscriptionId = `probe-${Math.random().toString(36).slice(2)}`;
      const answered = waitForMessage(
        probe,
        (m) => m.type === "response" || m.type === "error",
        10_000,
        probe.messages.length,
      );
      socket.send(JSON.stringify({ type: "subscribe", data: [{ subscriptionId, channels, queries: [] }] }));
      const reply = await answered;
      if (reply.type !== "response") throw new Error(`subscribe refused: ${JSON.stringify(reply.data)}`);
    },
    close: () => socket.close(),
  };
  socket.on("message", (raw: Buffer) => {
    const message = JSON.parse(raw.toString("utf8")) as { type: string; data: unknown };
    probe.messages.push(message);
    if (message.type === "event") probe.events.push(message.data as RealtimeEvent);
  });
  socket.on("close", (code: number, reason: Buffer) => (probe.closed = { code, reason: reason.toString() }));
  socket.on("error", () => undefined);
  const connected = await waitForMessage(probe, (m) => m.type === "connected" || m.type === "error", 10_000).catch(
    () => null,
  );
  if (connected?.type === "connected" && auth.session) {
    const answered = waitForMessage(
      probe,
      (m) => m.type === "response" || m.type === "error",
      10_000,
      probe.messages.length,
    );
    socket.send(JSON.stringify({ type: "authentication", data: { session: auth.session } }));
    await answered;
  }
  return probe;
}

/** The first message from index `from` on that matches; rejects when the socket closes first. */
export function waitForMessage(
  probe: RealtimeProbe,
  match: (m: { type: string; data: unknown }) => boolean,
  timeoutMs = 10_000,
  from = 0,
): Promise<{ type: string; data: unknown }> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      const found = probe.messages.slice(from).find(match);
      if (found) return resolve(found);
      if (probe.closed) return reject(new Error(`socket closed (${probe.closed.code} ${probe.closed.reason})`));
      if (Date.now() > deadline) return reject(new Error("no matching realtime message in time"));
      setTimeout(tick, 20);
    };
    tick();
  });
}
