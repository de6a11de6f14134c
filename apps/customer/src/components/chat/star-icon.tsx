import { cx } from "@/lib/cx";

export const STARS = [1, 2, 3, 4, 5] as const;

export function StarIcon({ filled, className }: { filled: boolean; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={cx(filled ? "fill-gold-400 stroke-gold-500" : "fill-none stroke-sand-400", className)}
      strokeWidth={1.2}
      strokeLinejoin="round"
    >
      <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
    </svg>
  );
}
