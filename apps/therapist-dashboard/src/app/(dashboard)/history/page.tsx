import type { Metadata } from "next";
import { getMessages } from "@/i18n/messages";
import { HistoryView } from "@/components/bookings/history-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: getMessages().history.title };

export default function HistoryPage() {
  return <HistoryView />;
}
