import type { Metadata } from "next";
import { getRequestMessages } from "@/i18n/request-locale";
import { HistoryView } from "@/components/bookings/history-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).history.title };
}

export default function HistoryPage() {
  return <HistoryView />;
}
