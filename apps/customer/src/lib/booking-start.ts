// How a booking starts: which button the guest pressed (the booking's `source`), for whom, how long, and what the
// page already knows (their area or position, their remembered name and number). Built by the /book page from
// its query string and handed to the chat window.
import type { Duration } from "@tenang/booking-core/prices";
import type { BookingKind, BookingSource } from "@tenang/booking-core/schemas/booking";
import type { Area, WorkingHours } from "@tenang/booking-core/schemas/common";

export interface StartTherapist {
  id: string;
  name: string;
  photoUrl: string | null;
  prices: Record<Duration, number | null>;
  workingHours: WorkingHours;
}

/** A spa the guest visits: its address and point are the booking's, and its opening hours bound the slots. */
export interface StartPlace {
  id: string;
  name: string;
  photoUrl: string | null;
  address: string;
  lat: number;
  lng: number;
  prices: Record<Duration, number | null>;
  openingHours: WorkingHours;
}

export interface BookingStart {
  source: BookingSource;
  kind: BookingKind;
  duration: Duration | null;
  /** The therapist picked on a profile or menu; null for "the best available near me". */
  therapist: StartTherapist | null;
  /** A spa picked on its profile; then there is no therapist and no address to give. */
  place: StartPlace | null;
  area: Area | null;
  point: { lat: number; lng: number } | null;
  profile: { name: string | null; whatsapp: string | null };
  /** Whether the browser already holds a guest session (else the form starts one before booking). */
  hasSession: boolean;
  /** The chat was reset after the guest cancelled. */
  notice: "cancelled" | null;
}

/** The /book link for a start, e.g. from a menu price: `/book?source=menu&therapist=…&duration=90`. */
export function bookHref(start: {
  source: BookingSource;
  therapistId?: string | null;
  placeId?: string | null;
  duration?: Duration | null;
  area?: Area | null;
  point?: { lat: number; lng: number } | null;
  notice?: "cancelled";
  /** The booking this start follows (after a cancel): every reset is a new URL, so a new chat window. */
  after?: string;
}): string {
  const query = new URLSearchParams({ source: start.source });
  if (start.therapistId) query.set("therapist", start.therapistId);
  if (start.placeId) query.set("place", start.placeId);
  if (start.duration) query.set("duration", String(start.duration));
  if (start.area) query.set("area", start.area);
  if (start.point) {
    query.set("lat", String(start.point.lat));
    query.set("lng", String(start.point.lng));
  }
  if (start.notice) query.set("notice", start.notice);
  if (start.after) query.set("after", start.after);
  return `/book?${query}`;
}
