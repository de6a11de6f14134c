import { describe, expect, it } from "vitest";
import { queriesToRefetch } from "./live-refetch";
import { queryKeys } from "./query-keys";

const row = (over: Record<string, unknown> = {}) => ({
  $id: "t1",
  $updatedAt: "2025-11-22T06:00:00.000Z",
  name: "Ayu",
  isOnline: true,
  isBusy: false,
  holdVersion: 3,
  currentOfferId: null,
  currentOfferExpiresAt: null,
  ...over,
});

describe("which queries a realtime event refetches", () => {
  it("a therapist event refetches the therapist's state only when a shown column changed", () => {
    const seen = new Map<string, string>();
    expect(queriesToRefetch("therapists", "t1", row(), seen)).toEqual([queryKeys.me, queryKeys.profile]);
    // An offer made to them: the engine moves its lock and the offer being answered; nothing on screen changes.
    const offered = row({ holdVersion: 4, currentOfferId: "o1", $updatedAt: "2025-11-22T06:00:01.000Z" });
    expect(queriesToRefetch("therapists", "t1", offered, seen)).toEqual([]);
    // They accept and are held: busy is shown.
    expect(queriesToRefetch("therapists", "t1", row({ holdVersion: 5, isBusy: true }), seen)).toEqual([
      queryKeys.me,
      queryKeys.profile,
    ]);
  });

  it("an offer or a booking change refetches its own list; a booking does not refetch earnings", () => {
    const seen = new Map<string, string>();
    expect(queriesToRefetch("offers", "o1", {}, seen)).toEqual([queryKeys.offers]);
    expect(queriesToRefetch("bookings", "b1", {}, seen)).toEqual([queryKeys.bookings]);
    expect(queriesToRefetch("commissions", "c1", {}, seen)).toEqual([queryKeys.earnings, queryKeys.me]);
  });
});
