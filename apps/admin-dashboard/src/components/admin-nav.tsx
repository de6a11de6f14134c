"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@tenang/ui/class-names";
import { useMessages } from "@/i18n/locale-context";

const items = [
  { href: "/", key: "overview" },
  { href: "/commissions", key: "commissions" },
  { href: "/bookings", key: "bookings" },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  const m = useMessages().nav;
  return (
    <nav aria-label={m.label} className="mb-4">
      <ul className="flex gap-0.5 rounded-full bg-sand-100 p-1 md:inline-flex">
        {items.map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <li key={item.href} className="flex-auto">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "flex h-9 items-center justify-center rounded-full px-3 text-[13px] font-medium whitespace-nowrap",
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
