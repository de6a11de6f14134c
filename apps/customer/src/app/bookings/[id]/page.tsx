import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCustomerBooking } from "@tenang/booking-server/bookings/get-customer-booking";
import { isDomainError } from "@tenang/booking-core/errors";
import { ChatWindow } from "@/components/chat/chat-window";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import { bookingServer, getGuest } from "@/server/app-server";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).summary.title };
}

/** The chat window of one booking: a reload, or a visit days later, shows exactly where it is. */
export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const locale = await getRequestLocale();
  const guest = await getGuest();
  // Without this guest's session the booking is not theirs to see; the same 404 as an unknown id.
  if (!guest) notFound();
  const { id } = await params;
  let view;
  try {
    view = await getCustomerBooking(bookingServer(), { customerId: guest.userId, bookingId: id });
  } catch (error) {
    if (isDomainError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  return <ChatWindow key={id} locale={locale} start={null} initial={customerBookingResponse(view)} />;
}
