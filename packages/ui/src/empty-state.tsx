import type { ReactNode } from "react";
import { cx } from "./cx";

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  /** Usually a button or link that gets the person unstuck. */
  action?: ReactNode;
  className?: string;
}

export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div
      className={cx(
        "flex flex-col items-center rounded-2xl border border-dashed border-sand-300 bg-white/60 px-6 py-10 text-center",
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mb-3 size-8 fill-none stroke-tenang-500" strokeWidth="1.5">
        <path d="M12 21c-4.5-2.5-8-6.2-8-10.5A8 8 0 0 1 12 3a8 8 0 0 1 8 7.5c0 4.3-3.5 8-8 10.5z" />
        <path d="M12 8v6M9 11h6" strokeLinecap="round" />
      </svg>
      <p className="text-base font-semibold text-sand-900">{title}</p>
      {description && <div className="mt-1 max-w-xs text-sm text-sand-600">{description}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
