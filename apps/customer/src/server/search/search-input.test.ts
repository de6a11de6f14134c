import { DomainError } from "@tenang/booking-core/errors";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { describe, expect, it } from "vitest";
import { queryToObject, searchInputSchema, searchPoint } from "./search-input";

const parse = (query: string) => searchInputSchema.safeParse(queryToObject(new URLSearchParams(query)));

describe("searchInputSchema", () => {
  it("accepts no filters", () => {
    expect(parse("")).toEqual({ success: true, data: {} });
  });

  it("parses area, duration and a point from a query string", () => {
    const result = parse("area=nusa_dua&duration=90&lat=-8.8&lng=115.23");
    expect(result.success && result.data).toEqual({ area: "nusa_dua", duration: 90, lat: -8.8, lng: 115.23 });
    expect(result.success && searchPoint(result.data)).toEqual({ lat: -8.8, lng: 115.23 });
  });

  it("parses the panel filters", () => {
    const result = parse("maxPrice=300000&minRating=4.5&language=ja&massageType=hot_stone&available=1");
    expect(result.success && result.data).toEqual({
      maxPrice: 300_000,
      minRating: 4.5,
      language: "ja",
      massageType: "hot_stone",
      available: true,
    });
  });

  it("treats empty values as absent (an empty form field)", () => {
    expect(parse("area=&duration=&lat=&lng=")).toEqual({ success: true, data: {} });
  });

  it.each([
    ["area=bali", "area"],
    ["duration=45", "duration"],
    ["lat=91&lng=0", "lat"],
    ["lat=abc&lng=0", "lat"],
    ["lat=-8.7", "lng"],
    ["maxPrice=12.5", "maxPrice"],
    ["minRating=6", "minRating"],
    ["language=xx", "language"],
    ["massageType=tickle", "massageType"],
    ["available=yes", "available"],
  ])("rejects %s (at %s)", (query, path) => {
    const result = parse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([path]);
  });

  it("takes the first value of a repeated key in page searchParams", () => {
    expect(queryToObject({ area: ["ubud", "kuta"], duration: undefined })).toEqual({
      area: "ubud",
      duration: undefined,
    });
  });
});

describe("with booking-core's parseOrThrow (as the API routes use it)", () => {
  it("reports a bad duration as a localized validation_failed DomainError", () => {
    const error = (() => {
      try {
        return parseOrThrow(searchInputSchema, { duration: "45" }, "en");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "validation_failed",
      issues: [{ path: "duration", message: "Duration must be 60, 90 or 120 minutes." }],
    });
  });
});
