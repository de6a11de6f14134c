import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRequestMessages } from "@/i18n/request-locale";
import { requireSignedInUser } from "@/server/app-server";
import { getMe } from "@/server/therapists/get-me";
import { BookingDetail } from "@/components/bookings/booking-detail";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).booking.title };
}

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await getMe(await requireSignedInUser());
  if (!me) notFound();
  // The booking itself is loaded (and authorised) by GET /api/bookings/[id]; this page only frames it.
  return <BookingDetail bookingId={id} therapistId={me.therapistId} />;
}
