import { describe, expect, it } from "vitest";
import { bookingTransitionId, customerHoldId, therapistHoldId } from "./tables";

// That every table id exists in packages/db is checked where both meet: packages/db/src/schema.test.ts.
describe("tables", () => {
  it("lock ids follow <id>-v<n> / <id>-h<n> and always fit Appwrite's 36 characters", () => {
    expect(bookingTransitionId("6790a1b2c3d4e5f60718", 3)).toBe("6790a1b2c3d4e5f60718-v3");
    expect(therapistHoldId("therapist-01", 12)).toBe("therapist-01-h12");
    const long = "a".repeat(36);
    expect(bookingTransitionId(long, 99).length).toBeLessThanOrEqual(36);
    expect(therapistHoldId(long, 123456)).toMatch(/^x[0-9a-f]{14}-h123456$/);
    expect(therapistHoldId(long, 1)).not.toBe(therapistHoldId("b".repeat(36), 1));
    expect(customerHoldId("6790a1b2c3d4e5f60718", 4)).toBe("6790a1b2c3d4e5f60718-c4");
    expect(customerHoldId(long, 4)).toMatch(/^x[0-9a-f]{14}-c4$/);
  });
});
