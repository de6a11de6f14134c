import type { Metadata } from "next";
import { getRequestMessages } from "@/i18n/request-locale";
import { EarningsView } from "@/components/earnings/earnings-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).earnings.title };
}

export default function EarningsPage() {
  return <EarningsView />;
}
