import { PriceTag } from "@tenang/ui/price-tag";
import { durations, type Duration } from "@tenang/booking-core/prices";
import { formatPrice } from "@/i18n/format-price";
import type { Messages } from "@/i18n/messages";

/** The three session lengths side by side, as on a list card. */
export function PriceRow({ prices, messages }: { prices: Record<Duration, number | null>; messages: Messages }) {
  return (
    <div className="grid grid-cols-3 gap-2">
      {durations.map((minutes) => (
        <PriceTag
          key={minutes}
          duration={messages.duration(minutes)}
          price={formatPrice(messages, prices[minutes])}
          unavailableLabel={messages.notOffered}
        />
      ))}
    </div>
  );
}
