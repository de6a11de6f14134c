// Calendar periods as a therapist in Bali counts them: WITA days, weeks from Monday (as Indonesian calendars start
// them), calendar months. Dates are "YYYY-MM-DD" strings, which compare correctly as strings.
import { DAY_MS, localDate, zonedParts } from "@tenang/booking-core/time";

/** The local date of the Monday of the week containing `instant`. */
export function mondayOf(instant: number): string {
  const { weekday } = zonedParts(instant);
  const daysSinceMonday = (weekday + 6) % 7;
  return localDate(instant - daysSinceMonday * DAY_MS);
}

/** The local date of the first day of the month containing `instant`. */
export function firstOfMonth(instant: number): string {
  return `${localDate(instant).slice(0, 7)}-01`;
}
