import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOME, NOW, therapist } from "../test/fixtures";
import {
  type DispatchRequest,
  afterMissedOffer,
  defaultDispatchConfig,
  dispatchRequestFor,
  etaMinutes,
  haversineKm,
  ineligibilityOf,
  pickNextTherapist,
  rankCandidates,
  scoreTherapist,
} from "./dispatch";
import { areaCentres } from "./schemas/location";
import { created } from "../test/fixtures";

const request = (overrides: Partial<DispatchRequest> = {}): DispatchRequest => ({
  bookingId: "b1",
  kind: "immediate",
  lat: HOME.lat,
  lng: HOME.lng,
  duration: 60,
  massageType: null,
  scheduledFor: null,
  preferredLanguage: null,
  preferredTherapistGender: null,
  requestedTherapistId: null,
  excludeTherapistIds: [],
  ...overrides,
});
const km = (n: number) => HOME.lat + n * 0.008993; // ≈ n km north

describe("distance and ETA", () => {
  it("haversine: Seminyak → Ubud is about 23 km, a point to itself 0", () => {
    expect(haversineKm(areaCentres.seminyak, areaCentres.ubud)).toBeCloseTo(23, 0);
    expect(haversineKm(HOME, HOME)).toBe(0);
    expect(haversineKm(HOME, { lat: km(1), lng: HOME.lng })).toBeCloseTo(1, 2);
  });
  it("ETA = 10 min preparation + travel at 20 km/h, rounded up", () => {
    expect(etaMinutes(0)).toBe(10);
    expect(etaMinutes(5)).toBe(25);
    expect(etaMinutes(5.1)).toBe(26);
  });
});

describe("eligibility (hard filters)", () => {
  it.each([
    ["already_offered", therapist(), request({ excludeTherapistIds: ["t1"] })],
    ["restricted", therapist({ isRestricted: true }), request()],
    ["offline", therapist({ isOnline: false }), request()],
    ["busy", therapist({ isBusy: true }), request()],
    ["duration_not_offered", therapist({ price120: null }), request({ duration: 120 })],
    ["massage_type_not_offered", therapist(), request({ massageType: "thai" })],
    ["gender_mismatch", therapist({ gender: "male" }), request({ preferredTherapistGender: "female" })],
    ["out_of_range", therapist({ lat: km(16) }), request()],
    ["out_of_range", therapist({ lat: km(6), serviceRadiusKm: 5 }), request()],
    [
      "outside_working_hours",
      therapist({ workingHours: { start: "08:00", end: "12:00" } }),
      request({ kind: "scheduled", scheduledFor: "2025-11-23T06:00:00.000Z" }),
    ],
  ] as const)("%s", (reason, t, r) => {
    expect(ineligibilityOf(t, r, NOW)).toBe(reason);
    expect(rankCandidates(r, [t], NOW)).toEqual([]);
  });

  it("a scheduled request ignores online/busy (it is for later) but not overlapping commitments", () => {
    const r = request({ kind: "scheduled", scheduledFor: "2025-11-23T06:00:00.000Z" });
    expect(ineligibilityOf(therapist({ isOnline: false, isBusy: true }), r, NOW)).toBeNull();
    const clash = {
      id: "b0",
      status: "confirmed" as const,
      kind: "scheduled" as const,
      scheduledFor: "2025-11-23T06:30:00.000Z",
      confirmedAt: null,
      duration: 60 as const,
    };
    expect(ineligibilityOf(therapist(), r, NOW, defaultDispatchConfig, { t1: [clash] })).toBe("schedule_conflict");
    expect(ineligibilityOf(therapist(), r, NOW, defaultDispatchConfig, { t2: [clash] })).toBeNull();
  });

  it("matching preferences pass", () => {
    expect(
      ineligibilityOf(
        therapist(),
        request({ massageType: "balinese", preferredTherapistGender: "female", duration: 90 }),
        NOW,
      ),
    ).toBeNull();
  });
});

describe("ranking", () => {
  it("scores 0.40 proximity + 0.25 Bayesian rating + 0.20 reliability + 0.15 idle (+0.10 language)", () => {
    const t = therapist({
      lat: km(3),
      rating: 5,
      ratingCount: 5,
      acceptanceRate: 0.8,
      lastBookingAt: new Date(NOW - 120 * 60_000).toISOString(),
      languages: ["en"],
    });
    const c = scoreTherapist(t, request({ preferredLanguage: "en" }), NOW);
    expect(c.breakdown.proximity).toBeCloseTo(0.8, 3);
    expect(c.breakdown.rating).toBeCloseTo(0.9, 6); // (5×5 + 4×5) / 10 = 4.5 → 0.9
    expect(c.breakdown.reliability).toBe(0.8);
    expect(c.breakdown.idle).toBeCloseTo(0.5, 6);
    expect(c.breakdown.language).toBe(0.1);
    expect(c.score).toBeCloseTo(0.4 * 0.8 + 0.25 * 0.9 + 0.2 * 0.8 + 0.15 * 0.5 + 0.1, 3);
    expect(c.etaMinutes).toBe(19);
  });

  it("a nearer therapist wins when all else is equal; a much better one can beat distance", () => {
    const near = therapist({ id: "near", lat: km(1) });
    const far = therapist({ id: "far", lat: km(8) });
    expect(rankCandidates(request(), [far, near], NOW).map((c) => c.therapist.id)).toEqual(["near", "far"]);
    const poor = therapist({
      id: "poor",
      lat: km(1),
      rating: 3,
      ratingCount: 200,
      acceptanceRate: 0.3,
      lastBookingAt: new Date(NOW).toISOString(),
    });
    const great = therapist({ id: "great", lat: km(4), rating: 4.9, ratingCount: 300, acceptanceRate: 1 });
    expect(rankCandidates(request(), [poor, great], NOW)[0]?.therapist.id).toBe("great");
  });

  it("2 reviews of 5.0 do not beat 200 reviews of 4.8", () => {
    const fresh = therapist({ id: "fresh", rating: 5, ratingCount: 2 });
    const proven = therapist({ id: "proven", rating: 4.8, ratingCount: 200 });
    expect(rankCandidates(request(), [fresh, proven], NOW)[0]?.therapist.id).toBe("proven");
  });

  it("ties go to the nearer, then by id; duplicates count once", () => {
    const a = therapist({ id: "a" });
    const b = therapist({ id: "b" });
    expect(rankCandidates(request(), [b, a, b], NOW).map((c) => c.therapist.id)).toEqual(["a", "b"]);
    expect(rankCandidates(request(), [a, b], NOW).map((c) => c.therapist.id)).toEqual(["a", "b"]);
    const nearer = therapist({ id: "z", lat: km(1) - 0.0001, rating: 4.8 });
    const farther = therapist({ id: "y", lat: km(1) + 0.0001 });
    const r = rankCandidates(request(), [farther, nearer], NOW, {
      ...defaultDispatchConfig,
      weights: { proximity: 0, rating: 0, reliability: 0, idle: 0 },
    });
    expect(r.map((c) => c.therapist.id)).toEqual(["z", "y"]);
  });

  it("the requested (favourite) therapist goes first when eligible", () => {
    const best = therapist({ id: "best", lat: km(0.5) });
    const fav = therapist({ id: "fav", lat: km(9) });
    expect(pickNextTherapist(request({ requestedTherapistId: "fav" }), [best, fav], NOW)?.therapist.id).toBe("fav");
    expect(
      pickNextTherapist(request({ requestedTherapistId: "fav" }), [best, { ...fav, isBusy: true }], NOW)?.therapist.id,
    ).toBe("best");
    expect(
      pickNextTherapist(request({ requestedTherapistId: "fav", excludeTherapistIds: ["fav"] }), [best, fav], NOW)
        ?.therapist.id,
    ).toBe("best");
    expect(pickNextTherapist(request(), [], NOW)).toBeNull();
  });

  it("ranking never includes an excluded or ineligible therapist", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom("a", "b", "c", "d", "e"),
            km: fc.integer({ min: 0, max: 20 }),
            isOnline: fc.boolean(),
            isBusy: fc.boolean(),
          }),
        ),
        fc.subarray(["a", "b", "c", "d", "e"]),
        (pool, excluded) => {
          const therapists = pool.map((p) =>
            therapist({ id: p.id, lat: km(p.km), isOnline: p.isOnline, isBusy: p.isBusy }),
          );
          const ranked = rankCandidates(request({ excludeTherapistIds: excluded }), therapists, NOW);
          for (const c of ranked) {
            expect(excluded).not.toContain(c.therapist.id);
            expect(c.therapist.isOnline && !c.therapist.isBusy).toBe(true);
            expect(c.distanceKm).toBeLessThanOrEqual(15);
          }
          expect(new Set(ranked.map((c) => c.therapist.id)).size).toBe(ranked.length);
        },
      ),
      { seed: 3 },
    );
  });

  it("builds the request from a booking", () => {
    const b = created().booking;
    expect(dispatchRequestFor(b)).toMatchObject({
      bookingId: "b1",
      kind: "immediate",
      duration: 60,
      excludeTherapistIds: ["t1"],
    });
  });
});

describe("missed offers", () => {
  it("three missed offers in a row take a therapist offline", () => {
    expect(afterMissedOffer({ missedOffersInRow: 0, isOnline: true })).toEqual({
      missedOffersInRow: 1,
      isOnline: true,
      takenOffline: false,
    });
    expect(afterMissedOffer({ missedOffersInRow: 2, isOnline: true })).toEqual({
      missedOffersInRow: 3,
      isOnline: false,
      takenOffline: true,
    });
    expect(afterMissedOffer({ missedOffersInRow: 5, isOnline: false })).toEqual({
      missedOffersInRow: 6,
      isOnline: false,
      takenOffline: false,
    });
  });
});
