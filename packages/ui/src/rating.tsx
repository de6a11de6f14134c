import { cx } from "./cx";

export interface RatingProps {
  /** Average rating, 0–5. */
  value: number;
  /** How many ratings the average is made of. */
  count: number;
  /** Shown instead of the stars when nobody has rated yet. */
  newLabel?: string;
  /** Accessible description; the default is English. */
  describe?: (value: string, count: number) => string;
  className?: string;
}

const defaultDescribe = (value: string, count: number) =>
  `Rated ${value} out of 5 from ${count} ${count === 1 ? "review" : "reviews"}`;

export function Rating({ value, count, newLabel = "New", describe = defaultDescribe, className }: RatingProps) {
  if (count <= 0) {
    return (
      <span
        className={cx(
          "inline-flex items-center rounded-full bg-tenang-50 px-2 py-0.5 text-xs font-medium text-tenang-700",
          className,
        )}
      >
        {newLabel}
      </span>
    );
  }
  const shown = (Math.round(Math.min(5, Math.max(0, value)) * 10) / 10).toFixed(1);
  return (
    <span className={cx("inline-flex items-center gap-1 text-sm", className)} aria-label={describe(shown, count)}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-gold-400">
        <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
      </svg>
      <span aria-hidden="true" className="font-semibold text-sand-900">
        {shown}
      </span>
      <span aria-hidden="true" className="text-sand-500">
        ({count})
      </span>
    </span>
  );
}
