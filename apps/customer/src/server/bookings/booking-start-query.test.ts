import { describe, expect, it } from "vitest";
import { queryToObject } from "@/server/search/search-input";
import { bookingStartQuerySchema, startPoint } from "./booking-start-query";

const parse = (query: string) => bookingStartQuerySchema.parse(queryToObject(new URLSearchParams(query)));

describe("the /book query string", () => {
  it("reads a menu link", () => {
    expect(parse("source=menu&therapist=therapist-08&duration=90")).toEqual({
      source: "menu",
      therapist: "therapist-08",
      duration: 90,
    });
  });

  it("falls back field by field on a stale or hand-edited link", () => {
    expect(parse("source=telepathy&duration=45&area=bali&therapist=../../x&notice=hello")).toEqual({
      source: "bookNow",
    });
  });

  it("keeps a point only inside Bali", () => {
    expect(startPoint(parse("lat=-8.69&lng=115.17"))).toEqual({ lat: -8.69, lng: 115.17 });
    expect(startPoint(parse("lat=48.85&lng=2.35"))).toBeNull();
    expect(startPoint(parse("lat=-8.69"))).toBeNull();
  });
});
