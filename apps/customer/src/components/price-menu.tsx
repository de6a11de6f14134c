import { durations, type Duration } from "@tenang/booking-core/prices";
import { Card } from "@tenang/ui/card";
import { PriceTag } from "@tenang/ui/price-tag";
import Link from "next/link";
import { formatPrice } from "@/i18n/format-price";
import type { Messages } from "@/i18n/messages";

/**
 * A provider's price menu. Each offered price is a booking entry point (source "menu") with its duration
 * preselected; `hrefFor` builds that link.
 */
export function PriceMenu({
  prices,
  hrefFor,
  note,
  messages,
}: {
  prices: Record<Duration, number | null>;
  hrefFor: (duration: Duration) => string;
  note: string;
  messages: Messages;
}) {
  return (
    <Card as="section" aria-labelledby="price-menu-heading" data-testid="price-menu">
      <h2 id="price-menu-heading" className="text-base font-semibold text-sand-900">
        {messages.profile.priceMenu}
      </h2>
      <ul className="mt-1 divide-y divide-sand-100">
        {durations.map((minutes) => {
          const price = formatPrice(messages, prices[minutes]);
          const row = (
            <PriceTag
              layout="row"
              duration={messages.duration(minutes)}
              price={price}
              unavailableLabel={messages.notOffered}
            />
          );
          return (
            <li key={minutes}>
              {price === null ? (
                row
              ) : (
                <Link
                  href={hrefFor(minutes)}
                  className="-mx-2 flex items-center gap-2 rounded-xl px-2 hover:bg-sand-50"
                  aria-label={messages.profile.bookPrice(messages.duration(minutes), price)}
                  data-testid={`menu-price-${minutes}`}
                >
                  <span className="flex-1">{row}</span>
                  <span aria-hidden="true" className="text-tenang-600">
                    ›
                  </span>
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-sand-500">{note}</p>
    </Card>
  );
}
