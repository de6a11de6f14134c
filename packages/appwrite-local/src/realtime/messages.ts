// Client → server messages (protocol §5; Appwrite src/Appwrite/Realtime/Message/**): ping, authentication,
// subscribe and unsubscribe, validated with Appwrite's error wording.
import { uniqueId, ID_PATTERN } from "../account/ids.ts";
import { parseJsonRefusingForbiddenKeys } from "../http/safe-keys.ts";
import { accountModel } from "../account/models.ts";
import type { AccountService } from "../account/service.ts";
import { rolesForUser } from "../auth/roles.ts";
import type { Connection, Subscription } from "./connection.ts";
import type { SubscriptionIndex } from "./subscription-index.ts";
import { compileQueries, RealtimeQueryError } from "./realtime-query.ts";
import { convertChannels, rebindAccountChannels } from "./channels.ts";
import { MESSAGE_FORMAT_INVALID, RealtimeError } from "./realtime-error.ts";

export interface MessageContext {
  conn: Connection;
  index: SubscriptionIndex;
  accounts: AccountService;
}

type Reply = Record<string, unknown>;

function invalid(message: string): RealtimeError {
  return new RealtimeError(MESSAGE_FORMAT_INVALID, message);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The reply to one raw message; throws RealtimeError for anything malformed. */
export function handleMessage(ctx: MessageContext, raw: string): Reply {
  let message: unknown;
  try {
    message = parseJsonRefusingForbiddenKeys(raw, "message");
  } catch {
    throw invalid("Message format is not valid.");
  }
  if (!isObject(message) || (!("type" in message) && !("data" in message)))
    throw invalid("Message format is not valid.");
  const hasData = message.data !== undefined && message.data !== null;
  switch (message.type) {
    case "ping":
      return { type: "pong" };
    case "authentication":
      return authenticate(ctx, hasData ? message.data : undefined);
    case "subscribe":
      if (!hasData) throw invalid("Payload is not valid. Items is required");
      return subscribe(ctx, message.data);
    case "unsubscribe":
      if (!hasData) throw invalid("Payload is not valid. Items is required");
      return unsubscribe(ctx, message.data);
    default:
      throw invalid("Message type is not valid.");
  }
}

function authenticate(ctx: MessageContext, data: unknown): Reply {
  if (!isObject(data) || !("session" in data)) throw invalid("Payload is not valid. Session is required");
  const session = data.session;
  if (typeof session !== "string" || session.length < 1 || session.length > 2048) {
    throw invalid("session: Value must be a valid string and at least 1 chars and no longer than 2048 chars");
  }
  const resolved = ctx.accounts.authenticateSecret(session);
  if (!resolved || !resolved.user.status) throw invalid("Session is not valid.");
  const { conn, index } = ctx;
  const previousUserId = conn.userId;
  conn.userId = resolved.user.id;
  conn.sessionId = resolved.session.id;
  index.setRoles(conn, rolesForUser(resolved.user));
  for (const sub of [...conn.subscriptions.values()]) {
    index.upsert(conn, { ...sub, channels: rebindAccountChannels(sub.channels, previousUserId, conn.userId) });
  }
  return { type: "response", data: { to: "authentication", success: true, user: accountModel(resolved.user) } };
}

function subscribe(ctx: MessageContext, data: unknown): Reply {
  if (!Array.isArray(data)) throw invalid("items: Payload is not valid.");
  const parsed: Subscription[] = [];
  for (const item of data) {
    if (!isObject(item)) throw invalid("items: Each subscribe payload must be an object.");
    if (
      "subscriptionId" in item &&
      (typeof item.subscriptionId !== "string" || !ID_PATTERN.test(item.subscriptionId))
    ) {
      throw invalid("items: subscriptionId is not a valid id.");
    }
    if (!("channels" in item)) throw invalid("items: channels is not present in payload.");
    if (!Array.isArray(item.channels)) throw invalid("items: channels is not a valid array.");
    if (item.channels.some((c) => typeof c !== "string")) throw invalid("items: channels must contain only strings.");
    if ("queries" in item && !Array.isArray(item.queries)) throw invalid("items: queries is not a valid array.");
  }
  // Validate everything before changing anything, so a bad item leaves the connection's subscriptions as they were.
  for (const item of data as Array<Record<string, unknown>>) {
    let queries;
    try {
      queries = compileQueries((item.queries as unknown[] | undefined) ?? []);
    } catch (err) {
      if (err instanceof RealtimeQueryError) throw invalid(`Invalid query: ${err.message}`);
      throw err;
    }
    parsed.push({
      id: typeof item.subscriptionId === "string" ? item.subscriptionId : uniqueId(),
      channels: convertChannels(item.channels as string[], ctx.conn.userId),
      query: queries.compiled,
      queryStrings: queries.strings,
    });
  }
  for (const sub of parsed) ctx.index.upsert(ctx.conn, sub);
  return {
    type: "response",
    data: {
      to: "subscribe",
      success: true,
      subscriptions: parsed.map((s) => ({ subscriptionId: s.id, channels: s.channels, queries: s.queryStrings })),
    },
  };
}

function unsubscribe(ctx: MessageContext, data: unknown): Reply {
  const valid =
    Array.isArray(data) &&
    data.every((i) => isObject(i) && typeof i.subscriptionId === "string" && i.subscriptionId !== "");
  if (!valid) {
    throw invalid(
      Array.isArray(data)
        ? "items: Each unsubscribe payload must include a non-empty subscriptionId."
        : "items: Payload is not valid.",
    );
  }
  const results = (data as Array<{ subscriptionId: string }>).map(({ subscriptionId }) => ({
    subscriptionId,
    removed: ctx.index.remove(ctx.conn, subscriptionId),
  }));
  return { type: "response", data: { to: "unsubscribe", success: true, subscriptions: results } };
}
