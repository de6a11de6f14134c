"use client";

// Realtime for the dashboard: one socket, authenticated with a short-lived JWT from POST /api/realtime/token,
// subscribed to the offers, booking_updates, therapists and commissions tables. Rows carry
// read("user:<therapist user>"), so Appwrite delivers only this therapist's rows. Bookings themselves are readable by
// no therapist (they hold the customer's contact details); booking_updates is their change signal ($id = booking id).
// An event carries no data we trust: it only says "refetch this", and the route handlers answer with what the
// therapist may see. Polling (in the queries) covers a silent drop.
//
// The SDK reconnects by itself with the same JWT, which fails once the JWT expires; so each connection here is its
// own Client + Realtime, replaced before the JWT runs out and after any close, with backoff.
import { rowsChannel, TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { Client, Realtime } from "appwrite";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/api-client";
import type { RealtimeTokenDto } from "@/lib/dto";

export type LiveState = "connecting" | "live" | "reconnecting";
export type LiveTable = "offers" | "bookings" | "therapists" | "commissions";
export const LIVE_TABLES: readonly LiveTable[] = ["offers", "bookings", "therapists", "commissions"];

export interface LiveEvent {
  table: LiveTable;
  rowId: string | null;
  events: string[];
}

const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000];
/** Replace the connection this long before its JWT expires. */
const REFRESH_MARGIN_MS = 60_000;

/** The table each kind of event comes from: a booking's change is heard on its signal row. */
const SOURCE_TABLES: Record<LiveTable, TableId> = {
  offers: TABLES.offers,
  bookings: TABLES.bookingUpdates,
  therapists: TABLES.therapists,
  commissions: TABLES.commissions,
};

const channelOf = (databaseId: string, table: LiveTable) => rowsChannel(databaseId, SOURCE_TABLES[table]);

function tableOf(channels: readonly string[], databaseId: string): LiveTable | null {
  for (const table of LIVE_TABLES) {
    if (channels.some((c) => c.startsWith(channelOf(databaseId, table)))) return table;
  }
  return null;
}

interface Handlers {
  onEvent: (event: LiveEvent) => void;
  /** Every (re)connection: events are not replayed, so the caller refetches what it shows. */
  onConnected: () => void;
}

export function useLiveUpdates(handlers: Handlers): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    let stopped = false;
    let attempts = 0;
    let current: Realtime | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const schedule = (ms: number, run: () => void) => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        run();
      }, ms);
    };

    const drop = (realtime: Realtime | null) => {
      realtime?.disconnect().catch(() => undefined);
    };

    const retry = () => {
      if (stopped) return;
      setState("reconnecting");
      const delay = RECONNECT_DELAYS_MS[Math.min(attempts, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
      attempts += 1;
      schedule(Math.round(delay * (0.8 + Math.random() * 0.4)), () => void connect());
    };

    async function connect(): Promise<void> {
      let token: RealtimeTokenDto;
      try {
        token = await apiFetch<RealtimeTokenDto>("/api/realtime/token", { method: "POST" });
      } catch {
        retry();
        return;
      }
      if (stopped) return;
      const client = new Client().setEndpoint(token.endpoint).setProject(token.projectId).setJWT(token.jwt);
      const realtime = new Realtime(client);
      const previous = current;
      current = realtime;
      drop(previous);

      realtime.onOpen(() => {
        if (realtime !== current || stopped) return;
        attempts = 0;
        setState("live");
        handlersRef.current.onConnected();
        const lifetime = Date.parse(token.expiresAt) - Date.now();
        schedule(Math.max(5_000, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2)), () => void connect());
      });
      realtime.onClose(() => {
        if (realtime !== current || stopped) return;
        current = null;
        drop(realtime);
        retry();
      });

      const channels = LIVE_TABLES.map((table) => channelOf(token.databaseId, table));
      try {
        await realtime.subscribe(channels, (event) => {
          if (realtime !== current || stopped) return;
          const table = tableOf(event.channels, token.databaseId);
          if (!table) return;
          const payload = event.payload as { $id?: unknown } | null;
          handlersRef.current.onEvent({
            table,
            rowId: typeof payload?.$id === "string" ? payload.$id : null,
            events: event.events,
          });
        });
      } catch {
        if (realtime === current) {
          current = null;
          drop(realtime);
          retry();
        }
      }
    }

    void connect();
    const onOnline = () => {
      attempts = 0;
      void connect();
    };
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      window.removeEventListener("online", onOnline);
      if (timer !== null) clearTimeout(timer);
      drop(current);
      current = null;
    };
  }, []);

  return state;
}
