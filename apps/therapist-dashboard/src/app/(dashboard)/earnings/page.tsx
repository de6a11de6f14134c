import type { Metadata } from "next";
import { getMessages } from "@/i18n/messages";
import { EarningsView } from "@/components/earnings/earnings-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: getMessages().earnings.title };

export default function EarningsPage() {
  return <EarningsView />;
}
