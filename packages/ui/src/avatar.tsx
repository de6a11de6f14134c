import { cx } from "./cx";

export type AvatarSize = "sm" | "md" | "lg" | "xl";

const pixels: Record<AvatarSize, number> = { sm: 40, md: 56, lg: 72, xl: 112 };
const boxes: Record<AvatarSize, string> = {
  sm: "size-10 text-sm",
  md: "size-14 text-base",
  lg: "size-18 text-lg",
  xl: "size-28 text-3xl",
};

export interface AvatarProps {
  /** Image URL; without one the person's initials are shown. */
  src?: string | null;
  /** Whose picture this is; used as the alt text and for the initials. */
  name: string;
  size?: AvatarSize;
  /** People are round; places (spas) read better as a rounded square. */
  shape?: "circle" | "square";
  className?: string;
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => word?.charAt(0).toUpperCase() ?? "").join("") || "?";
}

export function Avatar({ src, name, size = "md", shape = "circle", className }: AvatarProps) {
  const box = cx(
    "shrink-0 overflow-hidden bg-tenang-100 ring-2 ring-white",
    shape === "circle" ? "rounded-full" : "rounded-2xl",
    boxes[size],
    className,
  );
  if (!src) {
    return (
      <span
        role="img"
        aria-label={name}
        className={cx(box, "flex items-center justify-center font-semibold text-tenang-700")}
      >
        {initialsOf(name)}
      </span>
    );
  }
  return (
    // A plain <img>: this package stays framework-free, and the photos are small SVGs that gain nothing from
    // an image optimizer.
    <img
      src={src}
      alt={name}
      width={pixels[size]}
      height={pixels[size]}
      loading="lazy"
      decoding="async"
      className={cx(box, "object-cover")}
    />
  );
}
