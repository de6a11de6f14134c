// The backend for integration tests: the real local Appwrite server (in process, in memory) with the real `messages`
// table from @tenang/db, and a stand-in for the apps' future route handlers, serving the route contract of README.md
// over HTTP with node-appwrite. It is the one stand-in in these tests, because the routes do not exist yet; it
// authorises the way they must (participants only), stores rows with read permission for exactly the two
// participants, dedupes sends by (bookingId, clientMessageId) and mints realtime JWTs from the user's session.
// Who is calling comes from an `x-test-user` header, where the apps will use their session cookie.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { applySchema } from "@tenang/db/apply-schema";
import { tables } from "@tenang/db/schema";
import { Account, AppwriteException, Client, ID, Permission, Query, Role, TablesDB, Users } from "node-appwrite";
import { DomainError, httpStatusFor, isDomainError } from "@tenang/booking-core/errors";
import { IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { DEFAULT_DATABASE_ID, TABLES } from "@tenang/booking-core/resource-ids";
import { parseWith } from "@tenang/booking-core/validation";
import { sendMessageInputSchema, type SenderType } from "@tenang/booking-core/schemas/chat";
import { messageFromRow, type ServerMessage } from "../../src/chat-message";
import { createFetchChatApi, type FetchChatApiOptions } from "../../src/fetch-chat-api";
import type { ChatApi } from "../../src/chat-api";

export const PROJECT_ID = "chat-client-test";
const API_KEY = "chat-client-test-key";
export const DATABASE_ID = DEFAULT_DATABASE_ID;

export interface Participant {
  userId: string;
  senderType: SenderType;
  senderId: string;
  /** Session secret (what the app's httpOnly cookie holds). */
  secret: string;
}

export interface ChatBackend {
  server: RunningServer;
  routesUrl: string;
  customer: Participant;
  therapist: Participant;
  outsider: Participant;
  /** Lifetime of the realtime JWTs the token route mints. */
  tokenDurationSeconds: number;
  readonly tokensMinted: number;
  createBooking(): Promise<string>;
  /** The ChatApi a participant's browser would use: createFetchChatApi against the routes. */
  apiFor(user: Participant, options?: FetchChatApiOptions): ChatApi;
  /** A participant posts a text message (through the routes, as their app would). */
  write(user: Participant, bookingId: string, text: string): Promise<ServerMessage>;
  /** Messages of a booking straight from the database, in insertion order. */
  stored(bookingId: string): Promise<ServerMessage[]>;
  close(): Promise<void>;
}

class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError("bad_request", "body is not JSON");
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export async function startChatBackend(): Promise<ChatBackend> {
  const server = await startServer({ memory: true, port: 0, projectId: PROJECT_ID, apiKey: API_KEY });
  const admin = new Client().setEndpoint(server.url).setProject(PROJECT_ID).setKey(API_KEY);
  const db = new TablesDB(admin);
  const users = new Users(admin);
  const messagesTable = tables.find((t) => t.id === TABLES.messages);
  if (!messagesTable) throw new Error("@tenang/db has no messages table");
  await applySchema(
    { tablesDB: db, storage: undefined as never, databaseId: DATABASE_ID },
    { tables: [messagesTable], buckets: [] },
    { pollMs: 5 },
  );

  async function createUser(senderType: SenderType, senderId: (userId: string) => string): Promise<Participant> {
    const user = await users.create({
      userId: ID.unique(),
      email: `${ID.unique()}@example.com`,
      password: "password-123",
    });
    const session = await users.createSession({ userId: user.$id });
    return { userId: user.$id, senderType, senderId: senderId(user.$id), secret: session.secret };
  }
  const customer = await createUser("customer", (id) => id);
  const therapist = await createUser("therapist", () => "therapist-ayu");
  const outsider = await createUser("customer", (id) => id);
  const everyone = [customer, therapist, outsider];

  const bookings = new Map<string, { customer: Participant; therapist: Participant }>();
  let tokensMinted = 0;

  function participant(req: http.IncomingMessage, bookingId: string): Participant {
    const caller = everyone.find((u) => u.userId === req.headers["x-test-user"]);
    if (!caller) throw new DomainError("unauthorized", "no session");
    const booking = bookings.get(bookingId);
    if (!booking) throw new DomainError("not_found", "no such booking");
    if (caller !== booking.customer && caller !== booking.therapist)
      throw new DomainError("forbidden", "not a participant");
    return caller;
  }

  // GET /api/bookings/:id/messages — one page, oldest first.
  async function listMessages(bookingId: string, url: URL): Promise<{ messages: ServerMessage[]; hasMore: boolean }> {
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 50)));
    const before = url.searchParams.get("before");
    const after = url.searchParams.get("after");
    const queries = [Query.equal("bookingId", bookingId), Query.limit(limit + 1)];
    if (after) queries.push(Query.orderAsc("$sequence"), Query.cursorAfter(after));
    else queries.push(Query.orderDesc("$sequence"), ...(before ? [Query.cursorAfter(before)] : []));
    const { rows } = await db.listRows({ databaseId: DATABASE_ID, tableId: TABLES.messages, queries, total: false });
    const hasMore = rows.length > limit;
    const page = rows
      .slice(0, limit)
      .map((row) => messageFromRow(row))
      .filter((m): m is ServerMessage => m !== null);
    return { messages: after ? page : page.reverse(), hasMore };
  }

  // POST /api/bookings/:id/messages — stored once per clientMessageId.
  async function postMessage(
    bookingId: string,
    sender: Participant,
    body: unknown,
    idempotencyKey: string | undefined,
  ) {
    const input = parseWith(sendMessageInputSchema, body, "en");
    if (isDomainError(input)) throw input;
    if (idempotencyKey !== undefined && idempotencyKey !== input.clientMessageId) {
      throw new DomainError("idempotency_mismatch", "Idempotency-Key differs from clientMessageId");
    }
    const booking = bookings.get(bookingId)!;
    const data = {
      bookingId,
      senderType: sender.senderType,
      senderId: sender.senderId,
      kind: input.kind,
      text: input.text,
      imageFileId: input.kind === "image" ? input.imageFileId : null,
      lat: input.kind === "location" ? input.lat : null,
      lng: input.kind === "location" ? input.lng : null,
      clientMessageId: input.clientMessageId,
    };
    const permissions = [
      Permission.read(Role.user(booking.customer.userId)),
      Permission.read(Role.user(booking.therapist.userId)),
    ];
    try {
      const row = await db.createRow({
        databaseId: DATABASE_ID,
        tableId: TABLES.messages,
        rowId: ID.unique(),
        data,
        permissions,
      });
      return { status: 201, message: messageFromRow(row) };
    } catch (error) {
      if (!(error instanceof AppwriteException && error.code === 409)) throw error;
      // The unique index (bookingId, clientMessageId) refused a repeat: answer with the stored message.
      const { rows } = await db.listRows({
        databaseId: DATABASE_ID,
        tableId: TABLES.messages,
        queries: [
          Query.equal("bookingId", bookingId),
          Query.equal("clientMessageId", input.clientMessageId),
          Query.limit(1),
        ],
      });
      return { status: 200, message: messageFromRow(rows[0]) };
    }
  }

  // GET /api/bookings/:id/messages/search?q= — full-text on `text`, oldest first.
  async function searchMessages(bookingId: string, url: URL): Promise<{ messages: ServerMessage[] }> {
    const q = (url.searchParams.get("q") ?? "").trim();
    if (!q) return { messages: [] };
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 50)));
    const { rows } = await db.listRows({
      databaseId: DATABASE_ID,
      tableId: TABLES.messages,
      queries: [
        Query.equal("bookingId", bookingId),
        Query.search("text", q),
        Query.orderAsc("$sequence"),
        Query.limit(limit),
      ],
    });
    return { messages: rows.map((row) => messageFromRow(row)).filter((m): m is ServerMessage => m !== null) };
  }

  // POST /api/realtime/token — a JWT from the caller's own session (never the API key).
  async function mintToken(req: http.IncomingMessage) {
    const caller = everyone.find((u) => u.userId === req.headers["x-test-user"]);
    if (!caller) throw new DomainError("unauthorized", "no session");
    const account = new Account(new Client().setEndpoint(server.url).setProject(PROJECT_ID).setSession(caller.secret));
    const duration = backend.tokenDurationSeconds;
    const { jwt } = await account.createJWT({ duration });
    tokensMinted += 1;
    return {
      jwt,
      expiresAt: new Date(Date.now() + duration * 1000).toISOString(),
      endpoint: server.url,
      projectId: PROJECT_ID,
      databaseId: DATABASE_ID,
    };
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    try {
      if (method === "POST" && url.pathname === "/api/realtime/token") return send(res, 201, await mintToken(req));
      const match = /^\/api\/bookings\/([^/]+)\/messages(\/search)?$/.exec(url.pathname);
      if (!match) throw new RouteError(404, "not_found");
      const bookingId = decodeURIComponent(match[1]!);
      const caller = participant(req, bookingId);
      if (match[2] && method === "GET") return send(res, 200, await searchMessages(bookingId, url));
      if (!match[2] && method === "GET") return send(res, 200, await listMessages(bookingId, url));
      if (!match[2] && method === "POST") {
        const key = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
        const { status, message } = await postMessage(
          bookingId,
          caller,
          await readBody(req),
          typeof key === "string" ? key : undefined,
        );
        return send(res, status, { message });
      }
      throw new RouteError(405, "method_not_allowed");
    } catch (error) {
      if (isDomainError(error))
        return send(res, httpStatusFor(error.code), {
          error: { code: error.code, message: error.message, issues: error.issues },
        });
      if (error instanceof RouteError)
        return send(res, error.status, { error: { code: error.code, message: error.code } });
      if (error instanceof AppwriteException)
        return send(res, 502, { error: { code: "upstream_error", message: "upstream" } });
      console.error("[stand-in routes]", error);
      return send(res, 500, { error: { code: "internal_error", message: "internal" } });
    }
  }

  const routes = http.createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => routes.listen(0, "127.0.0.1", resolve));
  const routesUrl = `http://127.0.0.1:${(routes.address() as AddressInfo).port}`;

  const backend: ChatBackend = {
    server,
    routesUrl,
    customer,
    therapist,
    outsider,
    tokenDurationSeconds: 900,
    get tokensMinted() {
      return tokensMinted;
    },
    async createBooking() {
      const id = `booking${bookings.size + 1}`;
      bookings.set(id, { customer, therapist });
      return id;
    },
    apiFor(user, options = {}) {
      return createFetchChatApi(routesUrl, undefined, {
        ...options,
        headers: { ...options.headers, "x-test-user": user.userId },
      });
    },
    async write(user, bookingId, text) {
      return backend.apiFor(user).sendMessage({ bookingId, kind: "text", clientMessageId: ID.unique(), text });
    },
    async stored(bookingId) {
      const { rows } = await db.listRows({
        databaseId: DATABASE_ID,
        tableId: TABLES.messages,
        queries: [Query.equal("bookingId", bookingId), Query.orderAsc("$sequence"), Query.limit(5000)],
      });
      return rows.map((row) => messageFromRow(row)).filter((m): m is ServerMessage => m !== null);
    },
    async close() {
      routes.closeAllConnections();
      await new Promise<void>((resolve) => routes.close(() => resolve()));
      await server.close();
    },
  };
  return backend;
}
