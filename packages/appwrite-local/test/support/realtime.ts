// Realtime test helpers: the web SDK's Realtime service for contract tests, and a raw WebSocket for the protocol
// cases the SDK never produces (malformed messages, ping on demand, legacy URLs).
import "./web-sdk-env.ts";
import { WebSocket } from "ws";
import { Client, type Realtime } from "appwrite";
import type { RealtimeEvent } from "../../src/events.ts";
import { PROJECT_ID, type TestServer } from "./server.ts";

export type EventMessage = {
  events: string[];
  channels: string[];
  timestamp: string;
  payload: Record<string, unknown>;
  subscriptions: string[];
};

/** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 3000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function webClient(t: TestServer, auth: { session?: string; jwt?: string } = {}): Client {
  const client = new Client().setEndpoint(t.url).setProject(PROJECT_ID);
  if (auth.session) client.setSession(auth.session);
  if (auth.jwt) client.setJWT(auth.jwt);
  return client;
}

export interface Listener {
  received: EventMessage[];
  close(): Promise<void>;
  unsubscribe(): Promise<void>;
}

/** Subscribes through the web SDK and collects what the callback receives. */
export async function listen(realtime: Realtime, channels: string[], queries: string[] = []): Promise<Listener> {
  const received: EventMessage[] = [];
  const sub = await realtime.subscribe(channels, (m: unknown) => received.push(m as EventMessage), queries);
  return { received, close: () => sub.close(), unsubscribe: () => sub.unsubscribe() };
}

/** Publishes an event on the server's bus the way TablesDB does after a committed write. */
export function publish(
  t: TestServer,
  event: Partial<RealtimeEvent> & Pick<RealtimeEvent, "channels" | "roles">,
): void {
  t.server.app.bus.publish({ events: ["test.event"], timestamp: new Date().toISOString(), payload: {}, ...event });
}

/**
 * Subscribes through the web SDK and waits until the server has the subscription: a probe subscription is sent
 * on the same socket afterwards, and the server handles a socket's messages in order, so once probes reach the
 * probe subscription the real one is active too.
 */
export async function listenReady(
  t: TestServer,
  realtime: Realtime,
  channels: string[],
  queries: string[] = [],
): Promise<Listener> {
  const listener = await listen(realtime, channels, queries);
  const probeChannel = `probe.${Math.random().toString(36).slice(2)}`;
  const probe = await listen(realtime, [probeChannel]);
  const start = Date.now();
  while (probe.received.length === 0) {
    if (Date.now() - start > 3000) throw new Error("subscription never became active");
    publish(t, { channels: [probeChannel], roles: ["any"] });
    await sleep(20);
  }
  await probe.unsubscribe();
  return listener;
}

export interface RawSocket {
  ws: WebSocket;
  messages: Array<Record<string, unknown>>;
  closeCode: number | null;
  send(message: unknown): void;
  /** The next message (after those already taken) matching `type`. */
  next(type?: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function rawSocket(
  t: TestServer,
  query = `project=${PROJECT_ID}`,
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const ws = new WebSocket(`${t.url.replace("http://", "ws://")}/realtime?${query}`, { headers });
  const socket: RawSocket = {
    ws,
    messages: [],
    closeCode: null,
    send: (m) => ws.send(typeof m === "string" ? m : JSON.stringify(m)),
    async next(type, timeoutMs = 3000) {
      let found: Record<string, unknown> | undefined;
      await waitFor(
        () => {
          const i = socket.messages.findIndex((m) => type === undefined || m.type === type);
          if (i === -1) return false;
          found = socket.messages.splice(i, 1)[0];
          return true;
        },
        timeoutMs,
        `a "${type ?? "any"}" message`,
      );
      return found!;
    },
    async close() {
      if (ws.readyState === ws.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.close();
      });
    },
  };
  ws.on("message", (data) => socket.messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  ws.on("close", (code) => {
    socket.closeCode = code;
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return socket;
}
