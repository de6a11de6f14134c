import { describe, expect, it } from "vitest";
import {
  type Commitment,
  availableSlots,
  checkSlot,
  defaultScheduleConfig,
  findOverlap,
  fitsWorkingHours,
  serviceWindow,
  slotProblem,
} from "./schedule";

const NOW = Date.parse("2025-11-22T02:00:00.000Z"); // 10:00 WITA
const wita = (hhmm: string, day = "2025-11-22") => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return Date.parse(`${day}T00:00:00.000Z`) + ((h - 8) * 60 + m) * 60_000;
};

describe("fitsWorkingHours", () => {
  const day = { start: "09:00", end: "21:00" };
  const night = { start: "18:00", end: "02:00" };
  it.each([
    ["inside", day, "10:00", 60, true],
    ["ending at closing", day, "20:00", 60, true],
    ["running past closing", day, "20:30", 60, false],
    ["before opening", day, "08:30", 60, false],
    ["overnight, evening", night, "23:30", 120, true],
    ["overnight, after midnight", night, "00:30", 90, true],
    ["overnight, past the end", night, "01:30", 60, false],
    ["overnight, in the gap", night, "12:00", 60, false],
    ["overnight, before start", night, "17:30", 60, false],
    ["round the clock", { start: "00:00", end: "00:00" }, "03:00", 120, true],
  ])("%s", (_name, hours, at, duration, fits) => {
    expect(fitsWorkingHours(wita(at), duration, hours)).toBe(fits);
  });
});

describe("scheduled slots", () => {
  const hours = { start: "08:00", end: "22:00" };
  it.each([
    ["in the past", wita("09:00"), "in_past"],
    ["now", NOW, "in_past"],
    ["under 2 h notice", wita("11:30"), "too_soon"],
    ["more than 30 days ahead", wita("10:00", "2025-12-23"), "too_far_ahead"],
    ["off the half-hour grid", wita("13:15"), "off_grid"],
    ["with seconds", wita("13:00") + 1000, "off_grid"],
    ["outside working hours", wita("21:30"), "outside_hours"],
    ["exactly 2 h ahead", wita("12:00"), null],
    ["tomorrow afternoon", wita("14:00", "2025-11-23"), null],
  ])("%s → %s", (_name, at, problem) => {
    expect(slotProblem({ scheduledFor: new Date(at).toISOString(), duration: 60, now: NOW, hours })).toBe(problem);
  });

  it("without provider hours any grid time counts", () => {
    expect(
      slotProblem({ scheduledFor: wita("23:30"), duration: 60, now: NOW, hours: null, config: defaultScheduleConfig }),
    ).toBeNull();
  });

  it("checkSlot wraps the problem in a DomainError", () => {
    expect(checkSlot({ scheduledFor: wita("12:00"), duration: 60, now: NOW, hours })).toBeNull();
    expect(checkSlot({ scheduledFor: wita("11:00"), duration: 60, now: NOW, hours })).toMatchObject({
      code: "slot_unavailable",
      details: { problem: "too_soon" },
    });
  });

  it("availableSlots lists today's bookable half hours from 2 h ahead to the last that ends by closing", () => {
    const slots = availableSlots({ date: "2025-11-22", duration: 90, now: NOW, hours });
    expect(slots[0]).toBe(new Date(wita("12:00")).toISOString());
    expect(slots.at(-1)).toBe(new Date(wita("20:30")).toISOString());
    expect(slots).toHaveLength(18);
    expect(availableSlots({ date: "not a date", duration: 60, now: NOW, hours })).toEqual([]);
  });
});

describe("commitments and overlaps", () => {
  const scheduled = (
    id: string,
    hhmm: string,
    duration: 60 | 90 | 120 = 60,
    status: Commitment["status"] = "confirmed",
  ): Commitment => ({
    id,
    status,
    kind: "scheduled",
    scheduledFor: new Date(wita(hhmm)).toISOString(),
    confirmedAt: null,
    duration,
  });
  const immediate: Commitment = {
    id: "now",
    status: "confirmed",
    kind: "immediate",
    scheduledFor: null,
    confirmedAt: new Date(NOW).toISOString(),
    duration: 60,
  };

  it("a scheduled booking occupies its session; an immediate one the arrival hour plus the session", () => {
    expect(serviceWindow(scheduled("a", "14:00"), NOW)).toEqual({
      start: new Date(wita("14:00")).toISOString(),
      end: new Date(wita("15:00")).toISOString(),
    });
    expect(serviceWindow(immediate, NOW)).toEqual({
      start: new Date(NOW).toISOString(),
      end: new Date(wita("12:00")).toISOString(),
    });
    expect(serviceWindow({ ...immediate, confirmedAt: null }, NOW + 1000).start).toBe(
      new Date(NOW + 1000).toISOString(),
    );
    expect(serviceWindow({ ...immediate, status: "in_progress" }, wita("13:00")).end).toBe(
      new Date(wita("13:00")).toISOString(),
    );
  });

  it("finds overlaps, with 30 minutes between bookings for travel", () => {
    expect(findOverlap(scheduled("a", "14:00"), [scheduled("b", "14:30")], NOW)?.id).toBe("b");
    expect(findOverlap(scheduled("a", "14:00"), [scheduled("b", "15:00")], NOW)?.id).toBe("b");
    expect(findOverlap(scheduled("a", "14:00"), [scheduled("b", "15:30")], NOW)).toBeNull();
    expect(findOverlap(scheduled("a", "14:00"), [scheduled("b", "12:30")], NOW)).toBeNull();
    expect(findOverlap(scheduled("a", "11:30"), [immediate], NOW)?.id).toBe("now");
    expect(findOverlap(scheduled("a", "14:00"), [scheduled("a", "14:00")], NOW)).toBeNull();
    expect(findOverlap(scheduled("a", "14:00"), [scheduled("b", "14:00", 60, "cancelled")], NOW)).toBeNull();
  });
});
