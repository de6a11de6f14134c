import { blockingBookingFor } from "@tenang/booking-core/booking-limits";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChatWindow } from "@/components/chat/chat-window";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import { getGuest } from "@/server/app-server";
import { bookingStartQuerySchema } from "@/server/bookings/booking-start-query";
import { findActiveBooking } from "@/server/bookings/find-active-booking";
import { loadBookingStart } from "@/server/bookings/load-booking-start";
import { queryToObject } from "@/server/search/search-input";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).home.bookNow };
}

/** The chat window for a new booking: Book now, Schedule, a menu price, or the chat launcher. */
export default async function BookPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await getRequestLocale();
  const guest = await getGuest();
  const query = bookingStartQuerySchema.parse(queryToObject(await searchParams));
  const start = await loadBookingStart(query, guest);
  // booking-core's limit, as the server will apply it: a booking happening now takes the guest back to it; a visit
  // scheduled for later does not stand in the way of a Book now (or of another scheduled one).
  const active = await findActiveBooking(guest);
  if (active && blockingBookingFor([active.booking], start.kind)) {
    redirect(`/bookings/${encodeURIComponent(active.booking.id)}`);
  }
  // Keyed by the query: a new start (e.g. the reset after cancelling) is a fresh chat window, not the old one's state.
  return <ChatWindow key={JSON.stringify(query)} locale={locale} start={start} initial={null} />;
}
