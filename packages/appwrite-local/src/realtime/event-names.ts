// Appwrite event names and realtime channels for the events this package's account and storage modules publish
// (Appwrite src/Appwrite/Event/Event.php generateEvents, Messaging/Adapter/Realtime.php fromPayload).
// Written for patterns with at most two `[param]` placeholders, e.g. `buckets.[bucketId].files.[fileId].create`
// or `users.[userId].update.name`.

const ACTIONS = new Set(["create", "update", "upsert", "delete"]);
/** Channels whose last or second-to-last segment is one of these also get an `.<action>` twin. */
const RESOURCE_LEAF_NAMES = new Set([
  "documents",
  "rows",
  "files",
  "executions",
  "functions",
  "account",
  "teams",
  "memberships",
  "presences",
]);

/** Every event name Appwrite emits for `pattern`, most specific first. */
export function generateEvents(pattern: string, params: Record<string, string>): string[] {
  const parts = pattern.split(".");
  const actionAt = parts.findIndex((p) => ACTIONS.has(p));
  const path = actionAt === -1 ? parts : parts.slice(0, actionAt);
  const action = actionAt === -1 ? undefined : parts[actionAt];
  const attribute = actionAt === -1 ? undefined : parts[actionAt + 1];

  const patterns: string[] = [];
  const top = path.slice(0, 2).join(".");
  if (action) {
    if (path.length > 2) {
      if (attribute) patterns.push([...path, action, attribute].join("."));
      patterns.push([...path, action].join("."), path.join("."));
    } else patterns.push(`${top}.${action}`);
    if (attribute) patterns.push(`${top}.${action}.${attribute}`);
  }
  if (path.length > 2) patterns.push(path.join("."));
  patterns.push(top);

  const keys = Object.keys(params);
  const fill = (p: string, wild: (key: string) => boolean) =>
    keys.reduce((acc, k) => acc.split(`[${k}]`).join(wild(k) ? "*" : (params[k] ?? "")), p);

  const events: string[] = [];
  for (const p of new Set(patterns)) {
    events.push(
      fill(p, () => false),
      fill(p, () => true),
    );
    for (const key of keys) for (const current of keys) if (current !== key) events.push(fill(p, (k) => k === current));
  }
  return [...new Set(events)];
}

/** Adds the `.<action>` twin of every resource channel, like Appwrite's fromPayload does. */
export function withActionChannels(channels: string[], action: string | undefined): string[] {
  if (!action || !ACTIONS.has(action)) return channels;
  const out = [...channels];
  for (const ch of channels) {
    const segs = ch.split(".");
    const last = segs[segs.length - 1] ?? "";
    const parent = segs[segs.length - 2] ?? "";
    if (RESOURCE_LEAF_NAMES.has(last) || RESOURCE_LEAF_NAMES.has(parent)) out.push(`${ch}.${action}`);
  }
  return [...new Set(out)];
}
