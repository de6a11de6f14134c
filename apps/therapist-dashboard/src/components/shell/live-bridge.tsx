"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@tenang/ui/badge";
import { useMessages } from "@/i18n/locale-context";
import { queryKeys } from "@/lib/query-keys";
import { useLiveUpdates, type LiveTable } from "@/components/live/use-live-updates";

const keysFor: Record<LiveTable, readonly (readonly string[])[]> = {
  offers: [queryKeys.offers],
  bookings: [queryKeys.bookings, queryKeys.earnings],
  therapists: [queryKeys.me, queryKeys.profile],
  commissions: [queryKeys.earnings, queryKeys.me],
};

/**
 * Turns realtime events into refetches and shows whether the connection is live. The counts of events per table
 * are on the element (data-events-*), which is how the e2e tests see what this browser was sent.
 */
export function LiveBridge() {
  const queryClient = useQueryClient();
  const m = useMessages().live;
  const [counts, setCounts] = useState<Record<LiveTable, number>>({
    offers: 0,
    bookings: 0,
    therapists: 0,
    commissions: 0,
  });
  const state = useLiveUpdates({
    onEvent: (event) => {
      setCounts((prev) => ({ ...prev, [event.table]: prev[event.table] + 1 }));
      for (const queryKey of keysFor[event.table]) void queryClient.invalidateQueries({ queryKey });
    },
    onConnected: () => void queryClient.invalidateQueries(),
  });
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
