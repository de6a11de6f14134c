import type { Metadata } from "next";
import { getRequestMessages } from "@/i18n/request-locale";
import { AgendaView } from "@/components/bookings/agenda-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).agenda.title };
}

export default function AgendaPage() {
  return <AgendaView />;
}
