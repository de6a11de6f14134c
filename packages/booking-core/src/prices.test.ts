import { describe, expect, it } from "vitest";
import { priceFor, serviceMenuFor } from "./prices";

describe("prices and menus", () => {
  const provider = { price60: 250_000, price90: 350_000, price120: null };
  it("a provider's price per duration, or null when not offered", () => {
    expect(priceFor(provider, 60)).toBe(250_000);
    expect(priceFor(provider, 90)).toBe(350_000);
    expect(priceFor(provider, 120)).toBeNull();
  });
  it("the menu lists offered durations, shortest first", () => {
    expect(serviceMenuFor(provider)).toEqual([
      { duration: 60, price: 250_000 },
      { duration: 90, price: 350_000 },
    ]);
  });
});
