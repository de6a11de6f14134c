import { cx } from "./cx";

export interface PriceTagProps {
  /** The session length as the reader should see it, e.g. "60 min". */
  duration: string;
  /**
   * The price already formatted by the app (booking-core's rupiah formatter, in the reader's language), or null
   * when this duration is not offered. Formatting stays with the caller so there is one money formatter.
   */
  price: string | null;
  /** Shown in place of a missing price. */
  unavailableLabel?: string;
  /** `compact` for cards in a list, `row` for a price menu. */
  layout?: "compact" | "row";
  className?: string;
}

export function PriceTag({ duration, price, unavailableLabel = "—", layout = "compact", className }: PriceTagProps) {
  if (layout === "row") {
    return (
      <div className={cx("flex items-baseline justify-between gap-4 py-3", className)}>
        <span className="text-sm text-sand-700">{duration}</span>
        <span className={cx("text-base font-semibold tabular-nums", price ? "text-sand-900" : "text-sand-400")}>
          {price ?? unavailableLabel}
        </span>
      </div>
    );
  }
  return (
    <span
      className={cx(
        "inline-flex flex-col rounded-xl px-2.5 py-1.5 leading-tight",
        price ? "bg-sand-100" : "bg-sand-50 text-sand-400",
        className,
      )}
    >
      <span className="text-[11px] font-medium tracking-wide text-sand-500 uppercase">{duration}</span>
      <span className={cx("text-sm font-semibold tabular-nums", price ? "text-sand-900" : "text-sand-400")}>
        {price ?? unavailableLabel}
      </span>
    </span>
  );
}
