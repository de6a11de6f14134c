import Link from "next/link";
import { chipClassName } from "@tenang/ui/chip";
import { areas, type Area } from "@tenang/booking-core/schemas/common";
import type { Messages } from "@/i18n/messages";
import { hrefWith } from "@/lib/query-href";
import { ChipScroller } from "./chip-scroller";

/**
 * Areas as links (`/?area=ubud`): works before hydration, can be shared, and the back button undoes a choice.
 * Scrolls sideways on a phone rather than wrapping into a wall of chips, keeping the chosen one in view.
 */
export function AreaPicker({
  selected,
  messages,
  query = {},
}: {
  selected: Area | undefined;
  messages: Messages;
  /** The current filters, kept when the area changes (a chosen area replaces "near me"). */
  query?: Readonly<Record<string, string | undefined>>;
}) {
  const options: Array<{ area: Area | undefined; label: string }> = [
    { area: undefined, label: messages.areaPicker.all },
    ...areas.map((area) => ({ area, label: messages.areas[area] })),
  ];
  return (
    <ChipScroller selectedKey={selected ?? "all"} label={messages.areaPicker.label}>
      <ul className="flex gap-2 pb-1">
        {options.map(({ area, label }) => {
          const isSelected = area === selected;
          return (
            <li key={area ?? "all"}>
              <Link
                href={hrefWith(query, { area, lat: undefined, lng: undefined })}
                scroll={false}
                aria-current={isSelected ? "page" : undefined}
                className={chipClassName({ selected: isSelected })}
                data-testid="area-option"
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </ChipScroller>
  );
}
