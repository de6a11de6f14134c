import type { Metadata } from "next";
import { getMessages } from "@/i18n/messages";
import { AgendaView } from "@/components/bookings/agenda-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: getMessages().agenda.title };

export default function AgendaPage() {
  return <AgendaView />;
}
