"use client";

import { rowsChannel, TABLES } from "@tenang/booking-core/resource-ids";
import { createSdkRealtime, type RealtimeLike } from "@tenang/chat-client/realtime";
import type { RealtimeToken } from "@tenang/chat-client/chat-api";
import { useEffect, useRef } from "react";
import { apiFetch } from "@/lib/api-client";

/** Waits before reconnect attempt 1, 2, 3, … (the last repeats). Polling covers the gap meanwhile. */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Replace the JWT this long before it expires (or halfway through a short one). */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Calls `onChange` whenever the booking changes, over Appwrite Realtime: channel
 * `tablesdb.<db>.tables.booking_updates.rows.<id>`, the booking's change signal (id, status, version — the booking row
 * itself is readable by staff only), authorised by a JWT from POST /api/realtime/token: the signal's
 * read("user:<guest>") permission is what lets the event through. The event is only "refetch": the booking comes
 * from the route. Also calls it when a connection opens, since nothing is replayed for the time the socket was down.
 * Everything — socket, timers, a token request in flight — is closed when `enabled` turns false or the component
 * unmounts.
 */
export function useBookingRealtime(bookingId: string, enabled: boolean, onChange: () => void): void {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let realtime: RealtimeLike | null = null;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const aborter = new AbortController();

    const schedule = (ms: number, run: () => void) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        run();
      }, ms);
    };
    const close = () => {
      const current = realtime;
      realtime = null;
      // disconnect() also stops the SDK's own reconnect loop, which would reuse an expiring JWT.
      current?.disconnect().catch(() => undefined);
    };
    const retry = () => {
      if (stopped) return;
      close();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempts, RECONNECT_DELAYS_MS.length - 1)] ?? 30_000;
      attempts += 1;
      schedule(delay, () => void connect());
    };

    async function connect(): Promise<void> {
      let token: RealtimeToken;
      try {
        token = await apiFetch<RealtimeToken>("/api/realtime/token", {
          method: "POST",
          body: {},
          signal: aborter.signal,
        });
      } catch {
        retry();
        return;
      }
      if (stopped) return;
      const connection = createSdkRealtime({ endpoint: token.endpoint, projectId: token.projectId, jwt: token.jwt });
      realtime = connection;
      connection.onClose(() => {
        if (realtime === connection) retry();
      });
      try {
        await connection.subscribe(
          [rowsChannel(token.databaseId, TABLES.bookingUpdates, bookingId)],
          () => {
            if (!stopped) onChangeRef.current();
          },
          [],
        );
      } catch {
        if (realtime === connection) retry();
        return;
      }
      if (stopped || realtime !== connection) return;
      attempts = 0;
      onChangeRef.current();
      const lifetime = Date.parse(token.expiresAt) - Date.now();
      const refreshIn = Math.max(5_000, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2));
      schedule(refreshIn, () => {
        close();
        void connect();
      });
    }

    void connect();
    return () => {
      stopped = true;
      aborter.abort();
      if (timer) clearTimeout(timer);
      close();
    };
  }, [bookingId, enabled]);
}
