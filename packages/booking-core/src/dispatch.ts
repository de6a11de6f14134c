// Who gets the next offer. Hard filters first (a therapist who fails one is never offered), then a score.
//
// Eligible: not already offered this booking; not restricted; offers the duration (has a price for it); offers the
// massage type when one was asked for; matches the requested therapist gender; within both the search radius and
// the therapist's own service radius (haversine); no overlapping commitment. Immediate bookings also need the
// therapist online and not busy; scheduled bookings instead need the session inside the therapist's working hours.
//
// Score (higher first), each part 0…1:
//   0.40 × proximity    1 − distance / search radius
//   0.25 × rating       Bayesian mean (rating × n + 4.0 × 5) / (n + 5), divided by 5, so 2 reviews of 5.0 do not beat
//                       200 reviews of 4.8
//   0.20 × reliability  acceptance rate
//   0.15 × idle time    minutes since last completed booking / 240, capped at 1 (never booked = 1): spreads work
//   + 0.10 when the therapist speaks the customer's preferred language
// Ties: nearer first, then by id (deterministic). A requested (favourite) therapist who is eligible goes first.
import type { Duration } from "./prices";
import { priceFor } from "./prices";
import { type Commitment, defaultScheduleConfig, findOverlap, fitsWorkingHours, type ScheduleConfig } from "./schedule";
import type { Booking, BookingKind } from "./schemas/booking";
import type { Gender, Language, MassageType } from "./schemas/common";
import type { Coordinates } from "./schemas/location";
import type { Therapist } from "./schemas/therapist";
import { MINUTE_MS, toMs } from "./time";

export interface ScoreWeights {
  proximity: number;
  rating: number;
  reliability: number;
  idle: number;
}

export interface DispatchConfig {
  /** Search radius around the customer; a therapist's own serviceRadiusKm can only make it smaller. */
  maxRadiusKm: number;
  /** Average door-to-door speed in Bali traffic, for the ETA. */
  averageSpeedKmh: number;
  /** Minutes a therapist needs before leaving, added to every ETA. */
  preparationMinutes: number;
  weights: ScoreWeights;
  languageBonus: number;
  ratingPrior: { mean: number; weight: number };
  idleCapMinutes: number;
  /** Missed (timed-out) offers in a row after which a therapist is set offline. */
  maxMissedOffersInRow: number;
  schedule: ScheduleConfig;
}

export const defaultDispatchConfig: DispatchConfig = {
  maxRadiusKm: 15,
  averageSpeedKmh: 20,
  preparationMinutes: 10,
  weights: { proximity: 0.4, rating: 0.25, reliability: 0.2, idle: 0.15 },
  languageBonus: 0.1,
  ratingPrior: { mean: 4, weight: 5 },
  idleCapMinutes: 240,
  maxMissedOffersInRow: 3,
  schedule: defaultScheduleConfig,
};

export interface DispatchRequest {
  bookingId: string;
  kind: BookingKind;
  lat: number;
  lng: number;
  duration: Duration;
  massageType: MassageType | null;
  scheduledFor: string | null;
  preferredLanguage: Language | null;
  preferredTherapistGender: Gender | null;
  /** Offered first when eligible (a favourite, or the therapist whose card the customer booked from). */
  requestedTherapistId: string | null;
  /** Never offered: everyone this booking was already offered to. */
  excludeTherapistIds: readonly string[];
}

export function dispatchRequestFor(booking: Booking): DispatchRequest {
  return {
    bookingId: booking.id,
    kind: booking.kind,
    lat: booking.lat,
    lng: booking.lng,
    duration: booking.duration,
    massageType: booking.massageType,
    scheduledFor: booking.scheduledFor,
    preferredLanguage: booking.preferredLanguage,
    preferredTherapistGender: booking.preferredTherapistGender,
    requestedTherapistId: booking.requestedTherapistId,
    excludeTherapistIds: booking.offeredTherapistIds,
  };
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes until a therapist `distanceKm` away can arrive: preparation plus travel, rounded up. */
export function etaMinutes(distanceKm: number, config: DispatchConfig = defaultDispatchConfig): number {
  return Math.ceil(config.preparationMinutes + (distanceKm / config.averageSpeedKmh) * 60);
}

export type Ineligibility =
  | "already_offered"
  | "restricted"
  | "offline"
  | "busy"
  | "duration_not_offered"
  | "massage_type_not_offered"
  | "gender_mismatch"
  | "out_of_range"
  | "outside_working_hours"
  | "schedule_conflict";

/** Commitments (other active bookings) per therapist id, for the overlap filter. */
export type CommitmentsByTherapist = Readonly<Record<string, readonly Commitment[]>>;

/** The first hard filter a therapist fails for this request, or null when they may be offered it. */
export function ineligibilityOf(
  therapist: Therapist,
  request: DispatchRequest,
  now: Date | number,
  config: DispatchConfig = defaultDispatchConfig,
  commitments: CommitmentsByTherapist = {},
): Ineligibility | null {
  if (request.excludeTherapistIds.includes(therapist.id)) return "already_offered";
  if (therapist.isRestricted) return "restricted";
  if (request.kind === "immediate") {
    if (!therapist.isOnline) return "offline";
    if (therapist.isBusy) return "busy";
  }
  if (priceFor(therapist, request.duration) === null) return "duration_not_offered";
  if (request.massageType !== null && !therapist.massageTypes.includes(request.massageType)) {
    return "massage_type_not_offered";
  }
  if (request.preferredTherapistGender !== null && therapist.gender !== request.preferredTherapistGender) {
    return "gender_mismatch";
  }
  const distance = haversineKm(request, therapist);
  if (distance > Math.min(config.maxRadiusKm, therapist.serviceRadiusKm)) return "out_of_range";
  if (
    request.kind === "scheduled" &&
    request.scheduledFor !== null &&
    !fitsWorkingHours(request.scheduledFor, request.duration, therapist.workingHours, config.schedule.timeZone)
  ) {
    return "outside_working_hours";
  }
  const theirs = commitments[therapist.id] ?? [];
  const candidate: Commitment = {
    id: request.bookingId,
    status: "confirmed",
    kind: request.kind,
    scheduledFor: request.scheduledFor,
    confirmedAt: null,
    duration: request.duration,
  };
  if (theirs.length > 0 && findOverlap(candidate, theirs, now, config.schedule) !== null) return "schedule_conflict";
  return null;
}

export interface ScoreBreakdown {
  proximity: number;
  rating: number;
  reliability: number;
  idle: number;
  language: number;
}

export interface RankedCandidate {
  therapist: Therapist;
  distanceKm: number;
  etaMinutes: number;
  score: number;
  breakdown: ScoreBreakdown;
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** The documented score of one (eligible) therapist. */
export function scoreTherapist(
  therapist: Therapist,
  request: DispatchRequest,
  now: Date | number,
  config: DispatchConfig = defaultDispatchConfig,
): RankedCandidate {
  const distanceKm = haversineKm(request, therapist);
  const { mean, weight } = config.ratingPrior;
  const bayesian = (therapist.rating * therapist.ratingCount + mean * weight) / (therapist.ratingCount + weight);
  const idleMinutes =
    therapist.lastBookingAt === null ? Infinity : (toMs(now) - toMs(therapist.lastBookingAt)) / MINUTE_MS;
  const breakdown: ScoreBreakdown = {
    proximity: clamp01(1 - distanceKm / config.maxRadiusKm),
    rating: clamp01(bayesian / 5),
    reliability: clamp01(therapist.acceptanceRate),
    idle: clamp01(idleMinutes / config.idleCapMinutes),
    language:
      request.preferredLanguage !== null && therapist.languages.includes(request.preferredLanguage)
        ? config.languageBonus
        : 0,
  };
  const w = config.weights;
  const score =
    w.proximity * breakdown.proximity +
    w.rating * breakdown.rating +
    w.reliability * breakdown.reliability +
    w.idle * breakdown.idle +
    breakdown.language;
  return { therapist, distanceKm, etaMinutes: etaMinutes(distanceKm, config), score, breakdown };
}

/** Every eligible therapist, best first (score, then distance, then id). */
export function rankCandidates(
  request: DispatchRequest,
  therapists: readonly Therapist[],
  now: Date | number,
  config: DispatchConfig = defaultDispatchConfig,
  commitments: CommitmentsByTherapist = {},
): RankedCandidate[] {
  const seen = new Set<string>();
  const ranked: RankedCandidate[] = [];
  for (const therapist of therapists) {
    if (seen.has(therapist.id)) continue;
    seen.add(therapist.id);
    if (ineligibilityOf(therapist, request, now, config, commitments) === null) {
      ranked.push(scoreTherapist(therapist, request, now, config));
    }
  }
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.distanceKm - b.distanceKm ||
      // Ids are unique here (duplicates were skipped above), so they never compare equal.
      (a.therapist.id < b.therapist.id ? -1 : 1),
  );
}

/** Who gets the next offer: the requested therapist when eligible, else the best ranked; null when nobody is left. */
export function pickNextTherapist(
  request: DispatchRequest,
  therapists: readonly Therapist[],
  now: Date | number,
  config: DispatchConfig = defaultDispatchConfig,
  commitments: CommitmentsByTherapist = {},
): RankedCandidate | null {
  const ranked = rankCandidates(request, therapists, now, config, commitments);
  const requested = ranked.find((c) => c.therapist.id === request.requestedTherapistId);
  return requested ?? ranked[0] ?? null;
}

/**
 * A therapist let an offer run out. After `maxMissedOffersInRow` in a row they are set offline (as delivery apps do),
 * so the next customer is not kept waiting by someone who is not looking at their phone.
 */
export function afterMissedOffer(
  therapist: Pick<Therapist, "missedOffersInRow" | "isOnline">,
  config: DispatchConfig = defaultDispatchConfig,
): { missedOffersInRow: number; isOnline: boolean; takenOffline: boolean } {
  const missedOffersInRow = therapist.missedOffersInRow + 1;
  const takenOffline = therapist.isOnline && missedOffersInRow >= config.maxMissedOffersInRow;
  return { missedOffersInRow, isOnline: therapist.isOnline && !takenOffline, takenOffline };
}
