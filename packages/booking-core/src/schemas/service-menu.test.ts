import { describe, expect, it } from "vitest";
import { serviceMenuFor } from "../prices";
import { menuSelectionSchema, serviceMenuSchema } from "./service-menu";

describe("service menu", () => {
  it("a provider's menu is derived from its prices", () => {
    const menu = {
      providerType: "therapist",
      providerId: "t1",
      items: serviceMenuFor({ price60: 250_000, price90: null, price120: 450_000 }),
    };
    expect(serviceMenuSchema.parse(menu).items).toEqual([
      { duration: 60, price: 250_000 },
      { duration: 120, price: 450_000 },
    ]);
    expect(menuSelectionSchema.safeParse({ providerType: "place", providerId: "p1", duration: 75 }).success).toBe(
      false,
    );
  });
});
