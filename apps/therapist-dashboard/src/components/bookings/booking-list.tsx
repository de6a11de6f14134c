"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@tenang/ui/badge";
import { Card } from "@tenang/ui/card";
import { EmptyState } from "@tenang/ui/empty-state";
import Link from "next/link";
import { useFormat, useMessages } from "@/i18n/locale-context";
import { apiFetch } from "@/lib/api-client";
import type { BookingDto, BookingsResponse } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";
import { statusTone } from "./booking-status";

export type BookingScope = "active" | "upcoming" | "history";

const POLL_MS: Record<BookingScope, number | false> = { active: 5_000, upcoming: 15_000, history: false };

export function useBookings(scope: BookingScope) {
  return useQuery({
    queryKey: queryKeys.bookingList(scope),
    queryFn: async () => {
      const response = await apiFetch<BookingsResponse>(`/api/bookings?scope=${scope}`);
      return response.bookings;
    },
    refetchInterval: POLL_MS[scope],
  });
}

export function BookingRow({ booking }: { booking: BookingDto }) {
  const m = useMessages();
  const { money, serviceLabel, when } = useFormat();
  return (
    <Card as="li" padded={false} data-testid="booking-row" data-booking-id={booking.id} data-status={booking.status}>
      <Link href={`/bookings/${encodeURIComponent(booking.id)}`} className="flex flex-col gap-1 p-4">
        <div className="flex items-center justify-between gap-3">
          <span className="font-semibold text-sand-900">{serviceLabel(booking.massageType, booking.duration)}</span>
          <Badge dot tone={statusTone(booking.status)}>
            {m.booking.status[booking.status] ?? booking.status}
          </Badge>
        </div>
        <div className="flex items-center justify-between gap-3 text-sm text-sand-600">
          <span>
            {booking.customer?.name ?? booking.customerFirstName} ·{" "}
            {when(booking.scheduledFor ?? booking.confirmedAt ?? booking.createdAt)}
          </span>
          <span className="font-medium text-tenang-700 tabular-nums">{money(booking.payout)}</span>
        </div>
      </Link>
    </Card>
  );
}

export function BookingList({ bookings, empty }: { bookings: readonly BookingDto[]; empty: string }) {
  if (bookings.length === 0) return <EmptyState title={empty} />;
  return (
    <ul className="flex flex-col gap-3" data-testid="booking-list">
      {bookings.map((booking) => (
        <BookingRow key={booking.id} booking={booking} />
      ))}
    </ul>
  );
}
