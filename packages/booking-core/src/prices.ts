// The durations a booking may have and a provider's prices for them (integer rupiah, `rupiah.ts`).
export const durations = [60, 90, 120] as const;
export type Duration = (typeof durations)[number];

/** Prices for a search that has no chosen provider yet (the chat's "Book now"); the quote is honoured by whoever accepts. */
export const DEFAULT_STANDARD_PRICES: Readonly<Record<Duration, number>> = { 60: 250_000, 90: 350_000, 120: 450_000 };

export interface PriceList {
  price60: number | null;
  price90: number | null;
  price120: number | null;
}

/** A provider's price for a duration, or null when the provider does not offer it. */
export function priceFor(provider: PriceList, duration: Duration): number | null {
  const price = duration === 60 ? provider.price60 : duration === 90 ? provider.price90 : provider.price120;
  return price ?? null;
}

export interface MenuItem {
  duration: Duration;
  price: number;
}

/** The durations a provider offers, with prices, shortest first: the "menu" a customer picks from. */
export function serviceMenuFor(provider: PriceList): MenuItem[] {
  return durations.flatMap((duration) => {
    const price = priceFor(provider, duration);
    return price === null ? [] : [{ duration, price }];
  });
}
