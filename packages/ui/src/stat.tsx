import type { HTMLAttributes } from "react";
import { cx } from "./cx";

export type StatProps = HTMLAttributes<HTMLDivElement> & {
  label: string;
  value: number | string;
  /** A short line of context under the number. */
  hint?: string;
};

/** One labelled number. Renders `dt`/`dd`, so place it inside a `dl`. */
export function Stat({ label, value, hint, className, ...props }: StatProps) {
  return (
    <div
      className={cx("rounded-2xl border border-sand-200 bg-white p-4 shadow-sm shadow-sand-900/5", className)}
      {...props}
    >
      <dt className="text-sm text-sand-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tracking-tight text-sand-900 tabular-nums">{value}</dd>
      {hint && <dd className="mt-1 text-xs text-sand-500">{hint}</dd>}
    </div>
  );
}
