"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DashboardNav as SharedDashboardNav } from "@tenang/ui/dashboard-nav";
import { useMessages } from "@/i18n/locale-context";

/** The therapist's sections, on the shared dashboard nav ("Today" also holds a booking's page). */
export function DashboardNav() {
  const m = useMessages().nav;
  const items = [
    { href: "/", label: m.today, matches: ["/bookings"] },
    { href: "/agenda", label: m.agenda },
    { href: "/earnings", label: m.earnings },
    { href: "/history", label: m.history },
    { href: "/profile", label: m.profile },
  ];
  return <SharedDashboardNav label={m.label} items={items} pathname={usePathname()} link={Link} />;
}
