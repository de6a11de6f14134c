"use client";

import { localDate } from "@tenang/booking-core/time";
import { EmptyState } from "@tenang/ui/empty-state";
import { useFormat, useMessages } from "@/i18n/locale-context";
import { BookingRow, useBookings } from "./booking-list";

/** Upcoming scheduled bookings, grouped by day (WITA). */
export function AgendaView() {
  const m = useMessages().agenda;
  const { when } = useFormat();
  const upcoming = useBookings("upcoming");
  const bookings = upcoming.data ?? [];
  const days = new Map<string, typeof bookings>();
  for (const booking of bookings) {
    const day = localDate(booking.scheduledFor ?? booking.createdAt);
    days.set(day, [...(days.get(day) ?? []), booking]);
  }
  return (
    <div className="flex flex-col gap-4" data-testid="agenda">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{m.title}</h1>
        <p className="text-sm text-sand-600">{m.intro}</p>
      </div>
      {upcoming.isSuccess && bookings.length === 0 && <EmptyState title={m.empty} />}
      {[...days.entries()].map(([day, list]) => (
        <section key={day} className="flex flex-col gap-2">
          <h2 className="text-sm font-semibold text-sand-700">{when(list[0]?.scheduledFor ?? day, "date")}</h2>
          <ul className="flex flex-col gap-3">
            {list.map((booking) => (
              <BookingRow key={booking.id} booking={booking} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
