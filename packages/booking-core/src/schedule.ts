// Time slots and commitments: when a scheduled booking may be placed, which slots a picker offers, and whether two
// bookings of one therapist overlap. Times are UTC instants; hours are local wall-clock in the provider's zone.
import { DomainError } from "./errors";
import type { Duration } from "./prices";
import type { Booking, BookingStatus } from "./schemas/booking";
import type { WorkingHours } from "./schemas/common";
import { DAY_MS, DEFAULT_TIME_ZONE, HOUR_MS, MINUTE_MS, toIso, toMs, zonedParts, zonedTimeToUtc } from "./time";

export interface ScheduleConfig {
  /** A scheduled booking starts at least this long after it is made; sooner is "Book now". */
  minNoticeMs: number;
  /** …and at most this far ahead. */
  maxAdvanceMs: number;
  /** Slots start on this grid of local minutes (…:00, …:30). */
  slotStepMinutes: number;
  /** Time a therapist needs between two bookings (travel, setup). */
  travelBufferMs: number;
  /** An immediate booking's therapist arrives within this long of confirmation. */
  arrivalWindowMs: number;
  timeZone: string;
}

export const defaultScheduleConfig: ScheduleConfig = {
  minNoticeMs: 2 * HOUR_MS,
  maxAdvanceMs: 30 * DAY_MS,
  slotStepMinutes: 30,
  travelBufferMs: 30 * MINUTE_MS,
  arrivalWindowMs: HOUR_MS,
  timeZone: DEFAULT_TIME_ZONE,
};

function minutesOf(hhmm: string): number {
  const [h = "0", m = "0"] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * Whether a session of `durationMinutes` starting at `start` lies inside daily hours (local to `timeZone`), ending at
 * closing time at the latest. Handles hours past midnight ("18:00"–"02:00") and round-the-clock ("00:00"–"00:00").
 */
export function fitsWorkingHours(
  start: Date | number | string,
  durationMinutes: number,
  hours: WorkingHours,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  const open = minutesOf(hours.start);
  const close = minutesOf(hours.end);
  if (open === close) return true;
  const p = zonedParts(start, timeZone);
  const s = p.hour * 60 + p.minute;
  const e = s + durationMinutes;
  if (close > open) return s >= open && e <= close;
  // Overnight: today's window [open, close + 24 h), or the tail of yesterday's window [0, close).
  return (s >= open && e <= close + 1440) || e <= close;
}

export type SlotProblem = "in_past" | "too_soon" | "too_far_ahead" | "off_grid" | "outside_hours";

/** Why `scheduledFor` cannot be booked, or null when it can. */
export function slotProblem(options: {
  scheduledFor: Date | number | string;
  duration: Duration;
  now: Date | number;
  hours: WorkingHours | null;
  config?: ScheduleConfig;
}): SlotProblem | null {
  const config = options.config ?? defaultScheduleConfig;
  const start = toMs(options.scheduledFor);
  const now = toMs(options.now);
  if (start <= now) return "in_past";
  if (start - now < config.minNoticeMs) return "too_soon";
  if (start - now > config.maxAdvanceMs) return "too_far_ahead";
  const local = zonedParts(start, config.timeZone);
  if (start % MINUTE_MS !== 0 || (local.hour * 60 + local.minute) % config.slotStepMinutes !== 0) return "off_grid";
  if (options.hours && !fitsWorkingHours(start, options.duration, options.hours, config.timeZone))
    return "outside_hours";
  return null;
}

/** slotProblem as a DomainError("slot_unavailable") with `details.problem`, or null. */
export function checkSlot(options: Parameters<typeof slotProblem>[0]): DomainError | null {
  const problem = slotProblem(options);
  return problem === null
    ? null
    : new DomainError("slot_unavailable", `scheduled time not available: ${problem}`, { details: { problem } });
}

/** Bookable start times (UTC ISO) on a local date, on the slot grid, for the slot picker. */
export function availableSlots(options: {
  date: string;
  duration: Duration;
  now: Date | number;
  hours: WorkingHours | null;
  config?: ScheduleConfig;
}): string[] {
  const config = options.config ?? defaultScheduleConfig;
  const slots: string[] = [];
  for (let minute = 0; minute < 1440; minute += config.slotStepMinutes) {
    const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    const instant = zonedTimeToUtc(options.date, time, config.timeZone);
    if (instant === null) return [];
    if (slotProblem({ ...options, config, scheduledFor: instant }) === null) slots.push(instant);
  }
  return slots;
}

/** What the overlap check needs to know of a booking. */
export type Commitment = Pick<Booking, "id" | "status" | "kind" | "scheduledFor" | "confirmedAt" | "duration">;

/** Statuses in which a booking holds its therapist's time. */
export const committedStatuses: readonly BookingStatus[] = [
  "therapist_found",
  "confirmed",
  "on_the_way",
  "arrived",
  "in_progress",
];
const liveStatuses: readonly BookingStatus[] = ["on_the_way", "arrived", "in_progress"];

/**
 * The time a booking occupies its therapist: a scheduled one from its start for its duration; an immediate one from
 * confirmation (or now) through the arrival window plus its duration; a session under way at least until now.
 */
export function serviceWindow(
  booking: Commitment,
  now: Date | number,
  config: ScheduleConfig = defaultScheduleConfig,
): { start: string; end: string } {
  const nowMs = toMs(now);
  const duration = booking.duration * MINUTE_MS;
  let start: number;
  let end: number;
  if (booking.kind === "scheduled" && booking.scheduledFor !== null) {
    start = toMs(booking.scheduledFor);
    end = start + duration;
  } else {
    start = booking.confirmedAt === null ? nowMs : toMs(booking.confirmedAt);
    end = start + config.arrivalWindowMs + duration;
  }
  if (liveStatuses.includes(booking.status)) end = Math.max(end, nowMs);
  return { start: toIso(start), end: toIso(end) };
}

/** The first of `others` whose time overlaps `booking`'s (with the travel buffer between), or null. */
export function findOverlap(
  booking: Commitment,
  others: readonly Commitment[],
  now: Date | number,
  config: ScheduleConfig = defaultScheduleConfig,
): Commitment | null {
  const a = serviceWindow(booking, now, config);
  const aStart = toMs(a.start);
  const aEnd = toMs(a.end);
  for (const other of others) {
    if (other.id === booking.id || !committedStatuses.includes(other.status)) continue;
    const b = serviceWindow(other, now, config);
    if (aStart < toMs(b.end) + config.travelBufferMs && toMs(b.start) < aEnd + config.travelBufferMs) return other;
  }
  return null;
}
