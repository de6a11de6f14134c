import { describe, expect, it } from "vitest";
import {
  customerSeesProviderContact,
  isConfirmedThroughCompleted,
  therapistReadsChat,
  therapistSeesCustomerContact,
} from "./contact-visibility";
import type { BookingStatus } from "./schemas/booking";

// Every status, with whether contact details are shared in it.
const table: Array<[BookingStatus, boolean]> = [
  ["searching", false],
  ["therapist_found", false],
  ["confirmed", true],
  ["on_the_way", true],
  ["arrived", true],
  ["in_progress", true],
  ["completed", true],
  ["cancelled", false],
  ["expired", false],
];

describe("who sees whose contact details", () => {
  it.each(table)("%s: shared = %s", (status, shared) => {
    expect(isConfirmedThroughCompleted(status)).toBe(shared);
    expect(customerSeesProviderContact({ status })).toBe(shared);
    expect(therapistSeesCustomerContact({ status, therapistId: "t1" }, "t1")).toBe(shared);
    expect(therapistReadsChat({ status, therapistId: "t1" })).toBe(shared);
  });

  it.each(table)("%s: a therapist who does not hold the booking never sees the customer's contact", (status) => {
    expect(therapistSeesCustomerContact({ status, therapistId: "t2" }, "t1")).toBe(false);
    expect(therapistSeesCustomerContact({ status, therapistId: null }, "t1")).toBe(false);
  });

  it("nobody reads the chat as therapist when no therapist holds the booking (a spa booking)", () => {
    expect(therapistReadsChat({ status: "confirmed", therapistId: null })).toBe(false);
  });
});
