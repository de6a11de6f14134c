import type { ReactNode } from "react";
import { cx } from "./cx";

export interface AppShellProps {
  /** Small text after the wordmark, e.g. "Therapist" or "Admin". */
  product?: string;
  /** Where the wordmark links (a plain anchor: a full load of the home page is fine). */
  homeHref?: string;
  /** Right side of the header: a language switch, a sign-out button. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** `narrow` is the phone column the customer site is designed for; `wide` suits dashboards. */
  width?: "narrow" | "wide";
  children: ReactNode;
}

const widths = { narrow: "max-w-md md:max-w-2xl", wide: "max-w-md md:max-w-5xl" } as const;

export function Wordmark({ product }: { product?: string }) {
  return (
    <span className="inline-flex items-baseline gap-2">
      <span className="inline-flex items-center gap-1.5 text-lg font-semibold tracking-tight text-sand-900">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-tenang-500">
          <path d="M12 2c4 3.2 6 6.6 6 10.2A6 6 0 0 1 12 18a6 6 0 0 1-6-5.8C6 8.6 8 5.2 12 2zm0 17.5c.6 0 1 .4 1 1V22h-2v-1.5c0-.6.4-1 1-1z" />
        </svg>
        Tenang
      </span>
      {product && <span className="text-sm font-medium text-sand-500">{product}</span>}
    </span>
  );
}

export function AppShell({ product, homeHref = "/", actions, footer, width = "narrow", children }: AppShellProps) {
  const column = cx("mx-auto w-full px-4", widths[width]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-sand-200/70 bg-sand-50/85 backdrop-blur">
        <div className={cx(column, "flex h-14 items-center justify-between gap-3")}>
          <a href={homeHref} className="rounded-md">
            <Wordmark product={product} />
          </a>
          {actions && <div className="flex items-center gap-2">{actions}</div>}
        </div>
      </header>
      <main className={cx(column, "flex-1 py-5")}>{children}</main>
      {footer && (
        <footer className="border-t border-sand-200/70">
          <div className={cx(column, "py-6 text-xs text-sand-500")}>{footer}</div>
        </footer>
      )}
    </div>
  );
}
