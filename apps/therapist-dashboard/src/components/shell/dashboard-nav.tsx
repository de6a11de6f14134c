"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@tenang/ui/class-names";
import { useMessages } from "@/i18n/locale-context";

const items = [
  { href: "/", key: "today" },
  { href: "/agenda", key: "agenda" },
  { href: "/earnings", key: "earnings" },
  { href: "/history", key: "history" },
  { href: "/profile", key: "profile" },
] as const;

export function DashboardNav() {
  const pathname = usePathname();
  const m = useMessages().nav;
  return (
    <nav aria-label={m.label}>
      <ul className="flex gap-0.5 rounded-full bg-sand-100 p-1">
        {items.map((item) => {
          const active =
            item.href === "/" ? pathname === "/" || pathname.startsWith("/bookings") : pathname.startsWith(item.href);
          return (
            // Sized by their words (Indonesian "Pendapatan" is long), sharing what is left equally.
            <li key={item.href} className="flex-auto">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "flex h-9 items-center justify-center rounded-full px-2 text-[13px] font-medium whitespace-nowrap",
                  active ? "bg-white text-sand-900 shadow-sm" : "text-sand-600 hover:text-sand-900",
                )}
              >
                {m[item.key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
