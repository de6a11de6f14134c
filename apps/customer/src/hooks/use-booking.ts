"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { apiFetch } from "@/lib/api-client";
import { isTerminal, type CustomerBooking, type CustomerBookingResponse } from "@/lib/customer-booking";
import { useBookingRealtime } from "./use-booking-realtime";
import { serverClock } from "@tenang/chat-client/server-clock";

export const bookingQueryKey = (id: string) => ["booking", id] as const;

/**
 * How often to ask the server while nothing arrives over Realtime: the fallback that keeps every wait moving if
 * the socket drops silently. Faster while an offer is running, off once the booking is over.
 */
function pollIntervalMs(booking: CustomerBooking | undefined): number | false {
  if (!booking || isTerminal(booking.status)) return false;
  if (booking.status === "searching") return booking.kind === "immediate" ? 2_000 : 5_000;
  if (booking.status === "therapist_found") return 3_000;
  return 5_000;
}

export async function fetchBooking(id: string, signal?: AbortSignal): Promise<CustomerBookingResponse> {
  // apiFetch sets the server clock from the answer's serverTime.
  return apiFetch<CustomerBookingResponse>(`/api/bookings/${encodeURIComponent(id)}`, { signal });
}

/** The live booking: the server's answer, refreshed on every Realtime event and by polling as a fallback. */
export function useBooking(initial: CustomerBookingResponse) {
  const id = initial.booking.id;
  const queryClient = useQueryClient();

  useEffect(() => serverClock.note(initial.serverTime), [initial.serverTime]);

  const query = useQuery({
    queryKey: bookingQueryKey(id),
    queryFn: async ({ signal }) => {
      const fresh = await fetchBooking(id, signal);
      // A poll that left before an action's answer must not put the older version back.
      const held = queryClient.getQueryData<CustomerBookingResponse>(bookingQueryKey(id));
      return held && held.booking.version > fresh.booking.version ? held : fresh;
    },
    initialData: initial,
    // The page rendered it a moment ago; poll from here on.
    staleTime: 1_000,
    refetchInterval: (q) => pollIntervalMs(q.state.data?.booking),
    refetchOnWindowFocus: true,
    retry: 2,
  });

  const booking = query.data.booking;
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: bookingQueryKey(id) });
  }, [queryClient, id]);

  useBookingRealtime(id, !isTerminal(booking.status), refresh);

  /** Puts a booking the server just answered with (after an action) in place at once. */
  const replace = useCallback(
    (response: CustomerBookingResponse) => {
      queryClient.setQueryData(bookingQueryKey(response.booking.id), response);
    },
    [queryClient],
  );

  return { booking, error: query.error, isFetching: query.isFetching, refresh, replace };
}
