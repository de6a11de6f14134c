"use client";

// Realtime for the dashboard: listeners on the tab's one connection (chat-client's useLiveChannels, authenticated
// with a short-lived JWT from POST /api/realtime/token) for the offers, booking_updates, therapists and commissions
// tables. Rows carry read("user:<therapist user>"), so Appwrite delivers only this therapist's rows. Bookings
// themselves are readable by no therapist (they hold the customer's contact details); booking_updates is their
// change signal ($id = booking id). An event only says "refetch": lib/live-refetch.ts decides what, so changes no
// screen shows wake nothing. Polling (in the queries) covers a silent drop.
import { useQueryClient } from "@tanstack/react-query";
import { rowsChannel, TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { useLiveChannels } from "@tenang/chat-client/react";
import { useRef, useState } from "react";
import { Badge } from "@tenang/ui/badge";
import { useMessages } from "@/i18n/locale-context";
import { LIVE_TABLES, queriesToRefetch, type LiveTable } from "@/lib/live-refetch";

/** The table each kind of event comes from: a booking's change is heard on its signal row. */
const SOURCE_TABLES: Record<LiveTable, TableId> = {
  offers: TABLES.offers,
  bookings: TABLES.bookingUpdates,
  therapists: TABLES.therapists,
  commissions: TABLES.commissions,
};

function tableOf(channels: readonly string[]): LiveTable | null {
  for (const table of LIVE_TABLES) {
    if (channels.some((c) => c.includes(`.tables.${SOURCE_TABLES[table]}.rows`))) return table;
  }
  return null;
}

/**
 * Turns realtime events into refetches and shows whether the connection is live. The counts of events per table
 * this browser was sent are on the element (data-events-*), which is how the e2e tests see them.
 */
export function LiveBridge() {
  const queryClient = useQueryClient();
  const m = useMessages().live;
  const lastShown = useRef(new Map<string, string>());
  const [counts, setCounts] = useState<Record<LiveTable, number>>({
    offers: 0,
    bookings: 0,
    therapists: 0,
    commissions: 0,
  });
  const status = useLiveChannels({
    key: "dashboard",
    channels: (databaseId) => LIVE_TABLES.map((table) => rowsChannel(databaseId, SOURCE_TABLES[table])),
    onEvent: (event) => {
      const table = tableOf(event.channels);
      if (!table) return;
      setCounts((prev) => ({ ...prev, [table]: prev[table] + 1 }));
      const payload = event.payload as { $id?: unknown } | null;
      const rowId = typeof payload?.$id === "string" ? payload.$id : null;
      for (const queryKey of queriesToRefetch(table, rowId, event.payload, lastShown.current)) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
    // Events are not replayed: after every (re)connection refetch everything shown.
    onOpen: () => void queryClient.invalidateQueries(),
  });
  const state = status === "live" || status === "reconnecting" ? status : "connecting";
  return (
    <Badge
      dot
      tone={state === "live" ? "success" : "warning"}
      data-testid="live-status"
      data-state={state}
      data-events-offers={counts.offers}
      data-events-bookings={counts.bookings}
      data-events-therapists={counts.therapists}
      data-events-commissions={counts.commissions}
    >
      {m[state]}
    </Badge>
  );
}
