import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

export type BadgeTone = "neutral" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, { box: string; dot: string }> = {
  neutral: { box: "bg-sand-100 text-sand-700", dot: "bg-sand-400" },
  success: { box: "bg-tenang-50 text-tenang-700", dot: "bg-tenang-500" },
  warning: { box: "bg-amber-50 text-amber-800", dot: "bg-amber-500" },
  danger: { box: "bg-rose-50 text-rose-700", dot: "bg-rose-500" },
};

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: BadgeTone;
  /** A leading dot, for live states such as online/offline. */
  dot?: boolean;
  children: ReactNode;
};

export function Badge({ tone = "neutral", dot = false, children, className, ...props }: BadgeProps) {
  const style = tones[tone];
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium",
        style.box,
        className,
      )}
      {...props}
    >
      {dot && <span aria-hidden="true" className={cx("size-1.5 rounded-full", style.dot)} />}
      {children}
    </span>
  );
}
