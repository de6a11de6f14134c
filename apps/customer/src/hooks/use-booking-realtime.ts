"use client";

import { rowsChannel, TABLES } from "@tenang/booking-core/resource-ids";
import { useLiveChannels } from "@tenang/chat-client/react";

/**
 * Calls `onChange` whenever the booking changes: its change signal (`booking_updates` row `<id>`: status, version —
 * the booking row itself is readable by staff only) on the tab's one Realtime connection, which the signal's
 * read("user:<guest>") permission lets through. The event is only "refetch": the booking comes from the route. Also
 * calls it when the connection opens, since nothing is replayed for the time the socket was down. The listener ends
 * when `enabled` turns false or the component unmounts.
 */
export function useBookingRealtime(bookingId: string, enabled: boolean, onChange: () => void): void {
  useLiveChannels({
    key: `booking:${bookingId}`,
    enabled,
    channels: (databaseId) => [rowsChannel(databaseId, TABLES.bookingUpdates, bookingId)],
    onEvent: () => onChange(),
    onOpen: () => onChange(),
  });
}
