// Time: stored as UTC ISO strings, shown in the viewer's zone (Bali's WITA, Asia/Makassar, by default). This is the one
// date formatter of the repo; nothing here reads the clock, every "now" is a parameter.
import type { Locale } from "./locale";

export const DEFAULT_TIME_ZONE = "Asia/Makassar";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const UTC_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|\+00:00)$/;

/** True for a real UTC instant written as ISO 8601 with `Z` (or Appwrite's `+00:00`). */
export function isUtcIsoString(value: string): boolean {
  const match = UTC_ISO.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}

/** The canonical stored form: `2025-11-22T06:30:00.000Z`. */
export function toIso(instant: Date | number | string): string {
  return new Date(typeof instant === "string" ? Date.parse(instant) : instant).toISOString();
}

export function toMs(instant: Date | number | string): number {
  if (typeof instant === "number") return instant;
  if (typeof instant === "string") return Date.parse(instant);
  return instant.getTime();
}

export function addMs(instant: Date | number | string, ms: number): string {
  return toIso(toMs(instant) + ms);
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The wall-clock reading of an instant in a time zone. */
export function zonedParts(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  const parts = partFormatter(timeZone).formatToParts(toMs(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: WEEKDAYS.indexOf(get("weekday")),
  };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (WITA: +480). */
export function zoneOffsetMinutes(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): number {
  const ms = toMs(instant);
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - (ms - (ms % MINUTE_MS))) / MINUTE_MS);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The UTC instant of a wall-clock date ("2025-11-22") and time ("14:30") in a zone: what a slot picker sends.
 * Returns null for malformed input. In a DST gap the later reading is used (not an issue for WITA).
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const d = LOCAL_DATE.exec(date);
  const t = LOCAL_TIME.exec(time);
  if (!d || !t) return null;
  const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wall = Date.UTC(y, mo - 1, day, Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== day) return null;
  let utc = wall - zoneOffsetMinutes(wall, timeZone) * MINUTE_MS;
  utc = wall - zoneOffsetMinutes(utc, timeZone) * MINUTE_MS;
  return toIso(utc);
}

/** "2025-11-22" in the zone: the local calendar day of an instant. */
export function localDate(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

const monthNames: Record<Locale, readonly string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
};
const weekdayNames: Record<Locale, readonly string[]> = {
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  id: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
};

const zoneAbbreviations: Record<string, string> = {
  "Asia/Makassar": "WITA",
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Jayapura": "WIT",
  UTC: "UTC",
  "Etc/UTC": "UTC",
};

/** "WITA" for Bali, otherwise "UTC+10" / "UTC-3:30" from the offset at that instant. */
export function zoneLabel(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const known = zoneAbbreviations[timeZone];
  if (known) return known;
  const offset = zoneOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ""}`;
}

export type DateStyle = "datetime" | "date" | "time";

/**
 * The one date formatter. en: "Sat, 22 Nov 2025, 14:30 WITA"; id: "Sab, 22 Nov 2025, 14.30 WITA" (Indonesian writes
 * times with a dot). Built from parts rather than Intl's locale patterns so the output is identical on every runtime.
 */
export function formatDateTime(
  instant: Date | number | string,
  options: { locale: Locale; timeZone?: string; style?: DateStyle },
): string {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const style = options.style ?? "datetime";
  const p = zonedParts(instant, timeZone);
  const date = `${weekdayNames[options.locale][p.weekday]}, ${p.day} ${monthNames[options.locale][p.month - 1]} ${p.year}`;
  const time = `${pad(p.hour)}${options.locale === "id" ? "." : ":"}${pad(p.minute)} ${zoneLabel(instant, timeZone)}`;
  if (style === "date") return date;
  if (style === "time") return time;
  return `${date}, ${time}`;
}

/** Whole seconds left until a deadline (never negative): the offer countdown. */
export function secondsUntil(deadline: Date | number | string, now: Date | number): number {
  return Math.max(0, Math.ceil((toMs(deadline) - toMs(now)) / 1000));
}

/** "0:45", "12:05": a countdown for the UI. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${pad(s % 60)}`;
}
