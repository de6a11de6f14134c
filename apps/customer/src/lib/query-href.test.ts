import { describe, expect, it } from "vitest";
import { hrefWith } from "./query-href";

describe("hrefWith", () => {
  it("changes, adds and removes keys, keeping the rest", () => {
    expect(hrefWith({ area: "ubud", duration: "90" }, { duration: undefined, language: "ja" })).toBe(
      "/?area=ubud&language=ja",
    );
  });

  it("gives the bare path when nothing is left", () => {
    expect(hrefWith({ area: "ubud" }, { area: undefined })).toBe("/");
    expect(hrefWith({}, { q: "" }, "/book")).toBe("/book");
  });
});
