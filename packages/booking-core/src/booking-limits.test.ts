import { describe, expect, it } from "vitest";
import { blockingBookingFor, bookingLimitProblem } from "./booking-limits";
import { defaultLifecycleConfig } from "./lifecycle/config";
import type { BookingStatus } from "./schemas/booking";

const immediate = (id: string, status: BookingStatus) => ({ id, kind: "immediate" as const, status });
const scheduled = (id: string, status: BookingStatus) => ({ id, kind: "scheduled" as const, status });

describe("one booking happening now per customer", () => {
  it.each(["searching", "therapist_found", "confirmed", "on_the_way", "arrived", "in_progress"] as const)(
    "an immediate booking that is %s blocks Book now and Schedule, and is named",
    (status) => {
      for (const kind of ["immediate", "scheduled"] as const) {
        const problem = bookingLimitProblem([scheduled("s1", "confirmed"), immediate("i1", status)], kind);
        expect(problem?.code).toBe("active_booking_exists");
        expect(problem?.details).toEqual({ problem: "active_booking", activeBookingId: "i1" });
      }
    },
  );

  it.each(["completed", "cancelled", "expired"] as const)(
    "an immediate booking that is %s blocks nothing",
    (status) => {
      expect(bookingLimitProblem([immediate("i1", status)], "immediate")).toBeNull();
      expect(blockingBookingFor([immediate("i1", status)], "scheduled")).toBeNull();
    },
  );

  it("a scheduled visit later does not block Book now", () => {
    for (const status of ["searching", "therapist_found", "confirmed"] as const) {
      expect(bookingLimitProblem([scheduled("s1", status)], "immediate")).toBeNull();
    }
  });

  it("a scheduled visit under way blocks Book now, but not scheduling another", () => {
    for (const status of ["on_the_way", "arrived", "in_progress"] as const) {
      expect(bookingLimitProblem([scheduled("s1", status)], "immediate")?.details.activeBookingId).toBe("s1");
      expect(bookingLimitProblem([scheduled("s1", status)], "scheduled")).toBeNull();
    }
  });
});

describe("upcoming scheduled bookings", () => {
  const three = [scheduled("s1", "searching"), scheduled("s2", "confirmed"), scheduled("s3", "on_the_way")];

  it("at most three open at once (lifecycle config)", () => {
    expect(defaultLifecycleConfig.maxUpcomingScheduledBookings).toBe(3);
    expect(bookingLimitProblem(three.slice(0, 2), "scheduled")).toBeNull();
    const problem = bookingLimitProblem(three, "scheduled");
    expect(problem?.code).toBe("scheduled_limit_reached");
    expect(problem?.details).toEqual({ problem: "scheduled_limit", limit: 3 });
  });

  it("ended ones do not count, and Book now is not limited by them", () => {
    expect(bookingLimitProblem([...three.slice(0, 2), scheduled("s4", "completed")], "scheduled")).toBeNull();
    expect(bookingLimitProblem(three.slice(0, 2), "immediate")).toBeNull();
    expect(bookingLimitProblem(three, "scheduled", { maxUpcomingScheduledBookings: 5 })).toBeNull();
  });
});
