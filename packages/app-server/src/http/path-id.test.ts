import { describe, expect, it } from "vitest";
import { pathId } from "./path-id";

// Issue 9 (low): an id in the URL that cannot be an Appwrite id is the caller's mistake: 400, never a 500 from
// Appwrite and not a lookup.
describe("pathId", () => {
  it.each(["booking_1", "a", "A.b-c_d", "x".repeat(36)])("passes an Appwrite id through (%s)", (id) => {
    expect(pathId(id)).toBe(id);
  });

  it.each(["", "x".repeat(37), "_leading", ".dot", "-dash", "a b", "a/b", "%zz", "é", "a\u0000b"])(
    "refuses %j with bad_request",
    (id) => {
      expect(() => pathId(id)).toThrow(expect.objectContaining({ code: "bad_request" }));
    },
  );
});

describe("pathId with not_found", () => {
  it("refuses a junk id like an unknown one, and passes an id through", () => {
    expect(() => pathId("a/b", "not_found")).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(pathId("booking_1", "not_found")).toBe("booking_1");
  });
});
