// Which queries a realtime event should refetch, so the dashboard wakes only for changes it shows. An event carries
// no data we trust (the routes answer with what the therapist may see); it only says "this changed". One accept
// touches three tables: the offer (shown: the card goes), the booking's signal (shown: the booking lists) and the
// therapist row — where booking-server also moves its optimistic lock (holdVersion) and the offer being answered,
// which no screen shows. A therapist event whose shown columns did not change refetches nothing.
import type { QueryKey } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";

export type LiveTable = "offers" | "bookings" | "therapists" | "commissions";
export const LIVE_TABLES: readonly LiveTable[] = ["offers", "bookings", "therapists", "commissions"];

/** The engine's lock state on the therapist row (booking-server therapist-repository): never on screen. */
const ENGINE_COLUMNS = new Set(["holdVersion", "currentOfferId", "currentOfferExpiresAt"]);

const REFETCH: Record<LiveTable, readonly QueryKey[]> = {
  offers: [queryKeys.offers],
  // Earnings come from commission rows, which have their own events.
  bookings: [queryKeys.bookings],
  therapists: [queryKeys.me, queryKeys.profile],
  commissions: [queryKeys.earnings, queryKeys.me],
};

/** The therapist row's columns a screen can show (no $-fields, no engine lock), in a stable order. */
export function shownColumns(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const shown = Object.entries(payload as Record<string, unknown>)
    .filter(([key]) => !key.startsWith("$") && !ENGINE_COLUMNS.has(key))
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(shown);
}

/**
 * The queries to refetch for an event on `table`. `lastShown` remembers the therapist row's shown columns between
 * events (per row id); it is updated here.
 */
export function queriesToRefetch(
  table: LiveTable,
  rowId: string | null,
  payload: unknown,
  lastShown: Map<string, string>,
): readonly QueryKey[] {
  if (table !== "therapists") return REFETCH[table];
  const shown = shownColumns(payload);
  if (shown === null || rowId === null) return REFETCH.therapists;
  if (lastShown.get(rowId) === shown) return [];
  lastShown.set(rowId, shown);
  return REFETCH.therapists;
}
