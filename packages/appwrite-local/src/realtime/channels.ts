// Account channel rewriting (Appwrite Realtime::convertChannels / rebindAccountChannels): `account` also listens
// on `account.<userId>`, `account.<action>` becomes `account.<userId>.<action>` for a signed-in connection, and
// any other `account.*` channel (someone else's account) is dropped.

const ACTIONS = new Set(["create", "update", "upsert", "delete"]);

export function convertChannels(channels: readonly string[], userId: string): string[] {
  const out = new Set<string>();
  const appended: string[] = [];
  for (const ch of channels) {
    if (ch === "account") {
      out.add(ch);
      if (userId) appended.push(`account.${userId}`);
    } else if (ch.startsWith("account.")) {
      const rest = ch.slice("account.".length);
      if (!ACTIONS.has(rest)) continue;
      if (userId) appended.push(`account.${userId}.${rest}`);
      else out.add(ch);
    } else out.add(ch);
  }
  for (const ch of appended) out.add(ch);
  return [...out];
}

/** After in-band authentication of a guest connection, its `account.<action>` channels become the user's. */
export function rebindAccountChannels(channels: readonly string[], previousUserId: string, userId: string): string[] {
  if (!userId || previousUserId === userId) return [...channels];
  return channels.map((ch) => {
    if (!ch.startsWith("account.")) return ch;
    if (previousUserId === "") {
      const rest = ch.slice("account.".length);
      return ACTIONS.has(rest) ? `account.${userId}.${rest}` : ch;
    }
    if (ch === `account.${previousUserId}`) return `account.${userId}`;
    const prefix = `account.${previousUserId}.`;
    if (ch.startsWith(prefix) && ACTIONS.has(ch.slice(prefix.length)))
      return `account.${userId}.${ch.slice(prefix.length)}`;
    return ch;
  });
}
