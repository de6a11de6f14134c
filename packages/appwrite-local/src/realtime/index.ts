// Realtime: the /v1/realtime WebSocket (protocol §5, web SDK 27). Connections authenticate at the handshake or
// with an `authentication` message, subscribe by message (or the legacy `channels[]` query parameter), and receive
// every event on `app.bus` that their roles may read, whose channels they subscribed to and whose payload matches
// their queries — tagged with the IDs of the subscriptions that matched, which is how the SDK routes callbacks.
import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { App } from "../app.ts";
import type { RealtimeEvent } from "../events.ts";
import { AppwriteError } from "../errors.ts";
import { getAccountService, type AccountService } from "../account/service.ts";
import type { Revocation } from "../account/session-repo.ts";
import { accountModel } from "../account/models.ts";
import { uniqueId } from "../account/ids.ts";
import { GUEST_ROLES, rolesForUser } from "../auth/roles.ts";
import { parseQueryString } from "../http/query-string.ts";
import { Connection } from "./connection.ts";
import { SubscriptionIndex } from "./subscription-index.ts";
import { handleMessage } from "./messages.ts";
import { authenticateHandshake } from "./handshake.ts";
import { convertChannels } from "./channels.ts";
import { compileQueries, RealtimeQueryError } from "./realtime-query.ts";
import { POLICY_VIOLATION, RealtimeError } from "./realtime-error.ts";

const PATH = "/v1/realtime";
const EXPIRY_SWEEP_MS = 60_000;

class RealtimeServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly index = new SubscriptionIndex();
  private readonly connections = new Set<Connection>();
  private readonly accounts: AccountService;
  private readonly stopListening: () => void;
  private nextId = 1;

  constructor(private readonly app: App) {
    this.accounts = getAccountService(app);
    const stopEvents = app.bus.subscribe((event) => this.deliver(event));
    const stopRevocations = this.accounts.onRevoke((r) => this.closeRevoked(r));
    // Sessions also end by expiring; nothing announces that, so a sweep closes what outlived its session.
    const sweep = setInterval(() => this.closeExpired(), EXPIRY_SWEEP_MS);
    sweep.unref();
    this.stopListening = () => {
      stopEvents();
      stopRevocations();
      clearInterval(sweep);
    };
  }

  /**
   * Closes (1008, so the SDK does not reconnect with the dead credentials) every connection a revoked session
   * authenticated, directly or through a JWT. Stricter than Appwrite 1.9, whose realtime server keeps such sockets
   * until they close (issue 9, finding 9).
   */
  private closeRevoked(r: Revocation): void {
    for (const conn of this.connections) {
      if (conn.userId !== r.userId) continue;
      if (r.sessionIds !== null && (conn.sessionId === null || !r.sessionIds.includes(conn.sessionId))) continue;
      this.endSession(conn);
    }
  }

  private closeExpired(): void {
    for (const conn of this.connections) {
      if (conn.sessionId !== null && !this.accounts.isSessionActive(conn.userId, conn.sessionId)) this.endSession(conn);
    }
  }

  private endSession(conn: Connection): void {
    conn.send(new RealtimeError(POLICY_VIOLATION, "The session of this connection has ended.").toMessage());
    this.drop(conn);
    conn.socket.close(POLICY_VIOLATION, "Session ended");
  }

  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, req, url));
  }

  private open(ws: WebSocket, req: http.IncomingMessage, url: URL): void {
    try {
      if (url.searchParams.get("project") !== this.app.config.projectId) {
        throw new RealtimeError(POLICY_VIOLATION, "Missing or unknown project ID");
      }
      // Appwrite realtime refuses a browser connection from an unknown origin (app/realtime.php, onOpen).
      const origin = typeof req.headers.origin === "string" ? req.headers.origin : "";
      if (origin !== "" && !this.app.origins.isAllowed(origin))
        throw new RealtimeError(POLICY_VIOLATION, this.app.origins.describe(origin));
      const resolved = this.authenticate(req, url);
      const user = resolved?.user ?? null;
      const conn = new Connection(this.nextId++, ws, user ? rolesForUser(user) : [...GUEST_ROLES], user?.id ?? "");
      conn.sessionId = resolved?.sessionId ?? null;
      const legacy = this.legacySubscriptions(conn, url);
      this.connections.add(conn);
      ws.on("message", (data, isBinary) => this.receive(conn, isBinary ? "" : data.toString()));
      ws.on("close", () => this.drop(conn));
      ws.on("error", () => this.drop(conn));
      conn.send(
        JSON.stringify({
          type: "connected",
          data: { channels: legacy.channels, subscriptions: legacy.ids, user: user ? accountModel(user) : null },
        }),
      );
    } catch (err) {
      const error = err instanceof RealtimeError ? err : new RealtimeError(500, "Error: Server Error");
      ws.send(error.toMessage());
      // Appwrite closes with the error's own code (e.g. 401 for a bad JWT), which is not a valid WebSocket close
      // code; 1008 is the closest valid one and also stops the SDK from retrying with the same bad credentials.
      ws.close(POLICY_VIOLATION, error.message.slice(0, 120));
    }
  }

  private authenticate(req: http.IncomingMessage, url: URL) {
    try {
      return authenticateHandshake(this.accounts, req, url, this.app.config.projectId);
    } catch (err) {
      if (err instanceof AppwriteError) throw new RealtimeError(err.code, err.message);
      throw err;
    }
  }

  /** `?channels[]=…` subscriptions from older SDKs; queries per channel come as `<channel with _ for .>[i][]=…`. */
  private legacySubscriptions(conn: Connection, url: URL): { channels: string[]; ids: string[] } {
    let query: Record<string, unknown>;
    try {
      query = parseQueryString(url.search);
    } catch (err) {
      if (err instanceof AppwriteError) throw new RealtimeError(POLICY_VIOLATION, err.message);
      throw err;
    }
    const raw = query.channels;
    const names = convertChannels(
      (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((c): c is string => typeof c === "string"),
      conn.userId,
    );
    const slots: Array<{ channels: string[]; queries: unknown[] }> = [];
    for (const channel of names) {
      const param = channel === "project" ? undefined : query[channel.replaceAll(".", "_")];
      if (param === undefined) {
        slots[0] ??= { channels: [], queries: [] };
        slots[0].channels.push(channel);
        continue;
      }
      const perSlot = Array.isArray(param) ? param : [param];
      perSlot.forEach((slot, i) => {
        slots[i] ??= { channels: [], queries: Array.isArray(slot) ? slot : [slot] };
        if (!slots[i].channels.includes(channel)) slots[i].channels.push(channel);
      });
    }
    const ids: string[] = [];
    for (const slot of slots) {
      if (!slot) continue;
      let compiled;
      try {
        compiled = compileQueries(slot.queries);
      } catch (err) {
        if (err instanceof RealtimeQueryError) throw new RealtimeError(POLICY_VIOLATION, err.message);
        throw err;
      }
      const id = uniqueId();
      this.index.upsert(conn, {
        id,
        channels: slot.channels,
        query: compiled.compiled,
        queryStrings: compiled.strings,
      });
      ids.push(id);
    }
    return { channels: names, ids };
  }

  private receive(conn: Connection, raw: string): void {
    try {
      conn.send(JSON.stringify(handleMessage({ conn, index: this.index, accounts: this.accounts }, raw)));
    } catch (err) {
      const error = err instanceof RealtimeError ? err : new RealtimeError(500, "Error: Server Error");
      if (!(err instanceof RealtimeError) && this.app.config.logLevel !== "silent")
        console.error("[appwrite-local] realtime", err);
      conn.send(error.toMessage());
      if (error.code === POLICY_VIOLATION) conn.socket.close(POLICY_VIOLATION);
    }
  }

  private drop(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.index.removeConnection(conn);
  }

  private deliver(event: RealtimeEvent): void {
    const matched = this.index.match(event);
    if (matched.size === 0) return;
    // Serialise the shared part once; only the matched subscription IDs differ per connection.
    const head = Buffer.from(
      `{"type":"event","data":{"events":${JSON.stringify(event.events)},"channels":${JSON.stringify(event.channels)},"timestamp":${JSON.stringify(event.timestamp)},"payload":${JSON.stringify(event.payload)},"subscriptions":`,
    );
    for (const [conn, ids] of matched)
      conn.sendText(Buffer.concat([head, Buffer.from(`${JSON.stringify([...ids])}}}`)]));
  }

  async close(): Promise<void> {
    this.stopListening();
    for (const conn of this.connections) conn.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

export function attachRealtime(server: http.Server, app: App): void {
  const realtime = new RealtimeServer(app);
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) =>
    realtime.handleUpgrade(req, socket, head);
  server.on("upgrade", onUpgrade);
  app.onClose.push(async () => {
    server.off("upgrade", onUpgrade);
    await realtime.close();
  });
}
