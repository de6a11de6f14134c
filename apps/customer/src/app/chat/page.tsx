import { redirect } from "next/navigation";
import { bookHref } from "@/lib/booking-start";
import { getGuest } from "@/server/app-server";
import { findResumableBooking } from "@/server/bookings/find-active-booking";

export const dynamic = "force-dynamic";

/** The chat launcher's target: the booking under way, or a new booking started from the chat window. */
export default async function ChatPage() {
  const active = await findResumableBooking(await getGuest());
  redirect(active ? `/bookings/${encodeURIComponent(active.booking.id)}` : bookHref({ source: "chatWindow" }));
}
