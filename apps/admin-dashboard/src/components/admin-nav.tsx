"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DashboardNav } from "@tenang/ui/dashboard-nav";
import { useMessages } from "@/i18n/locale-context";

/** The operations sections, on the shared dashboard nav. */
export function AdminNav() {
  const m = useMessages().nav;
  const items = [
    { href: "/", label: m.overview },
    { href: "/commissions", label: m.commissions },
    { href: "/bookings", label: m.bookings },
  ];
  return (
    <DashboardNav label={m.label} items={items} pathname={usePathname()} link={Link} width="fit" className="mb-4" />
  );
}
