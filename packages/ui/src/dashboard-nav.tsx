import type { ComponentType, ReactNode } from "react";
import { cx } from "./cx";

export interface NavLinkProps {
  href: string;
  className?: string;
  "aria-current"?: "page";
  children: ReactNode;
}

export interface DashboardNavItem {
  href: string;
  label: string;
  /** Further path prefixes that belong to this item (the therapist's "Today" holds /bookings/…). */
  matches?: readonly string[];
}

export interface DashboardNavProps {
  /** The nav's name for screen readers. */
  label: string;
  items: readonly DashboardNavItem[];
  /** The current path (the app reads it with next/navigation's usePathname). */
  pathname: string;
  /** The app's link component (next/link), for client-side navigation; a plain anchor otherwise. */
  link?: ComponentType<NavLinkProps>;
  /** `fill`: the items share the whole width (phones, many items); `fit`: as wide as their words from md up. */
  width?: "fill" | "fit";
  className?: string;
}

const Anchor = ({ children, ...props }: NavLinkProps) => <a {...props}>{children}</a>;

/** Whether `pathname` is in the item's section: "/" only itself, any other href its whole subtree. */
export function isActive(item: DashboardNavItem, pathname: string): boolean {
  const within = (prefix: string) => (prefix === "/" ? pathname === "/" : pathname.startsWith(prefix));
  return within(item.href) || (item.matches ?? []).some(within);
}

/** A dashboard's section navigation: one pill row, the current section marked (aria-current="page"). */
export function DashboardNav({
  label,
  items,
  pathname,
  link: Link = Anchor,
  width = "fill",
  className,
}: DashboardNavProps) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={cx("flex gap-0.5 rounded-full bg-sand-100 p-1", width === "fit" && "md:inline-flex")}>
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            // Sized by their words (Indonesian "Pendapatan" is long), sharing what is left equally.
            <li key={item.href} className="flex-auto">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "flex h-9 items-center justify-center rounded-full text-[13px] font-medium whitespace-nowrap",
                  width === "fit" ? "px-3" : "px-2",
                  active ? "bg-white text-sand-900 shadow-sm" : "text-sand-600 hover:text-sand-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
