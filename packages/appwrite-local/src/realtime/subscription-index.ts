// Subscriptions indexed by channel, then by role, then connection (the shape of Appwrite's subscription tree), so
// delivering an event touches only connections that listen on one of its channels AND hold one of its roles.
// One write with 1,000 subscribers costs ~1,000 query checks and sends; unrelated connections cost nothing.
import type { RealtimeEvent } from "../events.ts";
import type { Connection, Subscription } from "./connection.ts";
import { matchesQuery } from "./realtime-query.ts";

interface ChannelEntry {
  /** Every connection listening on the channel, for events readable by `any`. */
  all: Set<Connection>;
  byRole: Map<string, Set<Connection>>;
}

export class SubscriptionIndex {
  private readonly index = new Map<string, ChannelEntry>();

  /** Adds or replaces a subscription (subscribe is an upsert keyed by subscription ID). */
  upsert(conn: Connection, sub: Subscription): void {
    this.remove(conn, sub.id);
    conn.subscriptions.set(sub.id, sub);
    for (const channel of sub.channels) {
      let subs = conn.byChannel.get(channel);
      if (!subs) {
        subs = new Map();
        conn.byChannel.set(channel, subs);
        this.link(conn, channel);
      }
      subs.set(sub.id, sub);
    }
  }

  remove(conn: Connection, subscriptionId: string): boolean {
    const sub = conn.subscriptions.get(subscriptionId);
    if (!sub) return false;
    conn.subscriptions.delete(subscriptionId);
    for (const channel of sub.channels) {
      const subs = conn.byChannel.get(channel);
      if (!subs) continue;
      subs.delete(subscriptionId);
      if (subs.size === 0) {
        conn.byChannel.delete(channel);
        this.unlink(conn, channel);
      }
    }
    return true;
  }

  removeConnection(conn: Connection): void {
    for (const channel of conn.byChannel.keys()) this.unlink(conn, channel);
    conn.byChannel.clear();
    conn.subscriptions.clear();
  }

  /** Re-files a connection under new roles (after in-band authentication). */
  setRoles(conn: Connection, roles: string[]): void {
    for (const channel of conn.byChannel.keys()) this.unlink(conn, channel);
    conn.roles = roles;
    for (const channel of conn.byChannel.keys()) this.link(conn, channel);
  }

  /** The connections an event goes to, each with the IDs of its subscriptions that matched. */
  match(event: RealtimeEvent): Map<Connection, Set<string>> {
    const matched = new Map<Connection, Set<string>>();
    const toAnyone = event.roles.includes("any");
    for (const channel of event.channels) {
      const entry = this.index.get(channel);
      if (!entry) continue;
      const groups = toAnyone
        ? [entry.all]
        : event.roles.map((r) => entry.byRole.get(r)).filter((g) => g !== undefined);
      for (const group of groups) {
        for (const conn of group) {
          const subs = conn.byChannel.get(channel);
          if (!subs) continue;
          let ids = matched.get(conn);
          for (const sub of subs.values()) {
            if (ids?.has(sub.id) || !matchesQuery(sub.query, event.payload)) continue;
            if (!ids) {
              ids = new Set();
              matched.set(conn, ids);
            }
            ids.add(sub.id);
          }
        }
      }
    }
    return matched;
  }

  private link(conn: Connection, channel: string): void {
    let entry = this.index.get(channel);
    if (!entry) {
      entry = { all: new Set(), byRole: new Map() };
      this.index.set(channel, entry);
    }
    entry.all.add(conn);
    for (const role of conn.roles) {
      let group = entry.byRole.get(role);
      if (!group) {
        group = new Set();
        entry.byRole.set(role, group);
      }
      group.add(conn);
    }
  }

  private unlink(conn: Connection, channel: string): void {
    const entry = this.index.get(channel);
    if (!entry) return;
    entry.all.delete(conn);
    for (const role of conn.roles) {
      const group = entry.byRole.get(role);
      if (!group) continue;
      group.delete(conn);
      if (group.size === 0) entry.byRole.delete(role);
    }
    if (entry.all.size === 0) this.index.delete(channel);
  }
}
