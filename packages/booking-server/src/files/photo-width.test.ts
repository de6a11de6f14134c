import { describe, expect, it } from "vitest";
import { DomainError } from "@tenang/booking-core/errors";
import { parsePhotoWidth } from "./photo-width";

describe("parsePhotoWidth", () => {
  it("accepts no width and the offered widths", () => {
    expect(parsePhotoWidth(null, "en")).toBeNull();
    expect(parsePhotoWidth("96", "en")).toBe(96);
    expect(parsePhotoWidth("384", "id")).toBe(384);
  });

  it.each(["", "100", "640", "96.0", "1e3", "abc"])("refuses %j as a 400 with a worded issue", (raw) => {
    const error = (() => {
      try {
        parsePhotoWidth(raw, "id");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "bad_request", issues: [{ path: "w" }] });
    expect((error as DomainError).issues[0]?.message).toContain("96, 192, 384");
  });
});
