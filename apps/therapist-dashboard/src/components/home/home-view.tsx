"use client";

import { useMessages } from "@/i18n/locale-context";
import { BookingList, useBookings } from "@/components/bookings/booking-list";
import { OnlineToggle } from "./online-toggle";

export function HomeView({ name }: { name: string }) {
  const m = useMessages().home;
  const active = useBookings("active");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight text-sand-900" data-testid="welcome">
        {m.welcome(name)}
      </h1>
      <OnlineToggle />
      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold text-sand-900">{m.activeTitle}</h2>
        {active.data && <BookingList bookings={active.data} empty={m.noActive} />}
      </section>
    </div>
  );
}
