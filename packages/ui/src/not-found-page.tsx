import type { ComponentType, ReactNode } from "react";
import { buttonClassName } from "./button";
import { EmptyState } from "./empty-state";

export interface NotFoundPageProps {
  title: string;
  description?: ReactNode;
  /** The way back (e.g. "Back to overview"), to `homeHref`. */
  homeLabel: string;
  homeHref?: string;
  /** The app's link component (next/link); a plain anchor otherwise. */
  link?: ComponentType<{ href: string; className?: string; children: ReactNode }>;
}

const Anchor = ({ children, ...props }: { href: string; className?: string; children: ReactNode }) => (
  <a {...props}>{children}</a>
);

export function NotFoundPage({
  title,
  description,
  homeLabel,
  homeHref = "/",
  link: Link = Anchor,
}: NotFoundPageProps) {
  return (
    <div className="pt-6">
      <EmptyState
        title={title}
        description={description}
        action={
          <Link href={homeHref} className={buttonClassName()}>
            {homeLabel}
          </Link>
        }
      />
    </div>
  );
}
