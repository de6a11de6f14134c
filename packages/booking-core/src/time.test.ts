import { describe, expect, it } from "vitest";
import {
  addMs,
  formatCountdown,
  formatDateTime,
  isUtcIsoString,
  localDate,
  secondsUntil,
  toIso,
  toMs,
  zoneLabel,
  zoneOffsetMinutes,
  zonedParts,
  zonedTimeToUtc,
} from "./time";

const AT = "2025-11-22T06:30:00.000Z"; // Saturday 14:30 in Bali

describe("UTC instants", () => {
  it.each([
    ["2025-11-22T06:30:00.000Z", true],
    ["2025-11-22T06:30:00Z", true],
    ["2025-11-22T06:30:00.123456Z", true],
    ["2025-11-22T06:30:00.000+00:00", true],
    ["2025-11-22T14:30:00+08:00", false],
    ["2025-11-22 06:30:00Z", false],
    ["2025-02-30T06:30:00Z", false],
    ["2025-11-22T24:00:00Z", false],
    ["2025-11-22T06:60:00Z", false],
    ["2025-11-22T06:30:61Z", false],
    ["yesterday", false],
  ])("%s is a stored UTC instant: %s", (value, ok) => {
    expect(isUtcIsoString(value)).toBe(ok);
  });

  it("converts between forms", () => {
    expect(toIso("2025-11-22T06:30:00.000+00:00")).toBe(AT);
    expect(toIso(new Date(AT))).toBe(AT);
    expect(toMs(AT)).toBe(Date.parse(AT));
    expect(toMs(new Date(AT))).toBe(Date.parse(AT));
    expect(toMs(5)).toBe(5);
    expect(addMs(AT, 60_000)).toBe("2025-11-22T06:31:00.000Z");
  });
});

describe("zones", () => {
  it("reads Bali wall-clock time (WITA, UTC+8)", () => {
    expect(zonedParts(AT)).toEqual({ year: 2025, month: 11, day: 22, hour: 14, minute: 30, weekday: 6 });
    expect(zoneOffsetMinutes(AT)).toBe(480);
    expect(localDate("2025-11-22T17:00:00.000Z")).toBe("2025-11-23");
  });

  it("turns a local date and time into UTC", () => {
    expect(zonedTimeToUtc("2025-11-22", "14:30")).toBe(AT);
    expect(zonedTimeToUtc("2025-11-22", "07:00", "Asia/Jakarta")).toBe("2025-11-22T00:00:00.000Z");
    expect(zonedTimeToUtc("2025-07-01", "09:00", "Australia/Sydney")).toBe("2025-06-30T23:00:00.000Z");
    expect(zonedTimeToUtc("2025-12-01", "09:00", "Australia/Sydney")).toBe("2025-11-30T22:00:00.000Z");
    expect(zonedTimeToUtc("2025-02-30", "10:00")).toBeNull();
    expect(zonedTimeToUtc("22/11/2025", "10:00")).toBeNull();
    expect(zonedTimeToUtc("2025-11-22", "25:00")).toBeNull();
  });

  it.each([
    ["Asia/Makassar", "WITA"],
    ["Asia/Jakarta", "WIB"],
    ["Asia/Jayapura", "WIT"],
    ["UTC", "UTC"],
    ["Australia/Sydney", "UTC+11"],
    ["Asia/Kolkata", "UTC+5:30"],
    ["America/St_Johns", "UTC-3:30"],
  ])("labels %s as %s", (zone, label) => {
    expect(zoneLabel(AT, zone)).toBe(label);
  });
});

describe("formatDateTime: the one date formatter", () => {
  it.each([
    ["en", "datetime", "Sat, 22 Nov 2025, 14:30 WITA"],
    ["id", "datetime", "Sab, 22 Nov 2025, 14.30 WITA"],
    ["en", "date", "Sat, 22 Nov 2025"],
    ["id", "date", "Sab, 22 Nov 2025"],
    ["en", "time", "14:30 WITA"],
    ["id", "time", "14.30 WITA"],
  ] as const)("%s %s", (locale, style, text) => {
    expect(formatDateTime(AT, { locale, style })).toBe(text);
  });

  it("shows Indonesian month names and other zones", () => {
    expect(formatDateTime("2025-08-17T02:00:00.000Z", { locale: "id" })).toBe("Min, 17 Agu 2025, 10.00 WITA");
    expect(formatDateTime("2025-05-01T02:00:00.000Z", { locale: "id", style: "date" })).toBe("Kam, 1 Mei 2025");
    expect(formatDateTime(AT, { locale: "en", timeZone: "Australia/Sydney" })).toBe("Sat, 22 Nov 2025, 17:30 UTC+11");
  });
});

describe("countdowns", () => {
  it("counts whole seconds down to zero", () => {
    expect(secondsUntil(AT, Date.parse(AT) - 45_500)).toBe(46);
    expect(secondsUntil(AT, Date.parse(AT) + 1)).toBe(0);
    expect(secondsUntil(Date.parse(AT), new Date(AT))).toBe(0);
  });

  it.each([
    [60, "1:00"],
    [45, "0:45"],
    [725, "12:05"],
    [-3, "0:00"],
    [9.9, "0:09"],
  ])("%s s → %s", (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});
