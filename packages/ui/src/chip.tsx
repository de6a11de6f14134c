import { cx } from "./cx";

/**
 * The look of a filter chip (area, duration). A class string rather than a component so apps can put it on their
 * router's link and keep filters as plain, shareable URLs.
 */
export function chipClassName({ selected = false }: { selected?: boolean } = {}): string {
  return cx(
    "inline-flex h-9 shrink-0 items-center rounded-full border px-4 text-sm font-medium whitespace-nowrap transition-colors",
    selected
      ? "border-tenang-600 bg-tenang-600 text-white"
      : "border-sand-200 bg-white text-sand-700 hover:border-sand-300 hover:bg-sand-100",
  );
}
