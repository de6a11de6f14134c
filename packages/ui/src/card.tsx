import type { HTMLAttributes } from "react";
import { cx } from "./cx";

export type CardProps = HTMLAttributes<HTMLElement> & {
  /** The element to render; a list of cards reads best as `li` inside a `ul`. */
  as?: "div" | "article" | "section" | "li";
  padded?: boolean;
};

export function Card({ as: Tag = "div", padded = true, className, ...props }: CardProps) {
  return (
    <Tag
      className={cx(
        "rounded-2xl border border-sand-200 bg-white shadow-sm shadow-sand-900/5",
        padded && "p-4",
        className,
      )}
      {...props}
    />
  );
}
