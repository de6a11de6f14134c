// Realtime events for account changes (Appwrite fromPayload's `users` branch): published on `account` and
// `account.<userId>`, readable only by `user:<userId>`. Only top-level user events (`users.U.update.name`) get the
// `.<action>` channel twins, so session events do not leak into `account.update` subscribers.
import type { App } from "../app.ts";
import { formatDate } from "../time.ts";
import { generateEvents, withActionChannels } from "../realtime/event-names.ts";

export function publishUserEvent(
  app: App,
  pattern: string,
  params: { userId: string; sessionId?: string },
  payload: Record<string, unknown>,
): void {
  const events = generateEvents(
    pattern,
    params.sessionId === undefined ? { userId: params.userId } : { userId: params.userId, sessionId: params.sessionId },
  );
  const parts = pattern.split(".");
  const topLevelAction = parts[2] === "create" || parts[2] === "update" || parts[2] === "delete" ? parts[2] : undefined;
  app.bus.publish({
    events,
    channels: withActionChannels(["account", `account.${params.userId}`], topLevelAction),
    roles: [`user:${params.userId}`],
    timestamp: formatDate(),
    payload,
  });
}
