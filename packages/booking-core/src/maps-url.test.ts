import { describe, expect, it } from "vitest";
import { mapsUrl } from "./maps-url";

describe("mapsUrl", () => {
  it("searches Google Maps at the point, latitude first", () => {
    expect(mapsUrl(-8.6913, 115.1682)).toBe("https://www.google.com/maps/search/?api=1&query=-8.6913,115.1682");
  });
});
