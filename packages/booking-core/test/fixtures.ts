// Builders for tests: valid domain objects with sensible Bali defaults, overridable per test.
import { expect } from "vitest";
import { DomainError, type DomainErrorCode } from "../src/errors";
import { type TransitionResult } from "../src/lifecycle/events";
import { type OpenBookingArgs, openBooking } from "../src/lifecycle/open-booking";
import type { CreateBookingInput } from "../src/schemas/booking";
import type { Place } from "../src/schemas/place";
import type { Therapist } from "../src/schemas/therapist";

/** Saturday 22 Nov 2025, 10:00 WITA. */
export const NOW = Date.parse("2025-11-22T02:00:00.000Z");
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** The customer's villa in Seminyak. */
export const HOME = { lat: -8.6913, lng: 115.1683 };

export function therapist(overrides: Partial<Therapist> = {}): Therapist {
  return {
    id: "t1",
    userId: "u-t1",
    name: "Wayan",
    gender: "female",
    bio: "",
    photoFileId: null,
    languages: ["id", "en"],
    massageTypes: ["balinese", "deep_tissue"],
    area: "seminyak",
    lat: HOME.lat + 0.009,
    lng: HOME.lng,
    serviceRadiusKm: 15,
    price60: 250_000,
    price90: 350_000,
    price120: 450_000,
    rating: 4.8,
    ratingCount: 50,
    acceptanceRate: 0.9,
    whatsapp: "+6281234567890",
    isOnline: true,
    isBusy: false,
    isRestricted: false,
    restrictedReason: null,
    missedOffersInRow: 0,
    lastBookingAt: null,
    workingHours: { start: "08:00", end: "22:00" },
    ...overrides,
  };
}

/** Three equally good therapists at 1, 3 and 5 km: dispatch offers them in that order. */
export const T1 = therapist({ id: "t1" });
export const T2 = therapist({ id: "t2", lat: HOME.lat + 0.027 });
export const T3 = therapist({ id: "t3", lat: HOME.lat + 0.045 });
export const TEAM = [T1, T2, T3];

export function place(overrides: Partial<Place> = {}): Place {
  return {
    id: "p1",
    name: "Spa Tenang",
    area: "seminyak",
    address: "Jl. Kayu Aya No. 8",
    lat: HOME.lat,
    lng: HOME.lng + 0.01,
    photoFileId: null,
    rating: 4.7,
    ratingCount: 120,
    price60: 300_000,
    price90: 400_000,
    price120: null,
    massageTypes: ["balinese", "scrub"],
    openingHours: { start: "09:00", end: "21:00" },
    whatsapp: "+6281311112222",
    isRestricted: false,
    restrictedReason: null,
    ...overrides,
  };
}

export function bookingInput(overrides: Partial<CreateBookingInput> = {}): CreateBookingInput {
  return {
    source: "bookNow",
    kind: "immediate",
    providerType: "therapist",
    therapistId: null,
    placeId: null,
    duration: 60,
    massageType: null,
    customerName: "Emma Watson",
    customerWhatsapp: "+61412345678",
    address: "Jl. Kayu Aya No. 12, Seminyak",
    hotelOrVilla: "Villa Kembang",
    roomNumber: "3",
    lat: HOME.lat,
    lng: HOME.lng,
    scheduledFor: null,
    discountCode: null,
    preferredLanguage: null,
    preferredTherapistGender: null,
    locale: "en",
    ...overrides,
  };
}

export function createArgs(overrides: Partial<OpenBookingArgs> = {}): OpenBookingArgs {
  return {
    id: "b1",
    customerId: "c1",
    input: bookingInput(),
    provider: null,
    discount: null,
    candidates: TEAM,
    now: NOW,
    ...overrides,
  };
}

export function ok(result: TransitionResult | DomainError): TransitionResult {
  if (result instanceof DomainError) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

/** Asserts `result` is a DomainError with `code` (typed loosely so test tables need no `as const`). */
export function expectError(result: unknown, code: DomainErrorCode | (string & {})): DomainError {
  expect(result).toBeInstanceOf(DomainError);
  expect((result as DomainError).code).toBe(code);
  return result as DomainError;
}

export function created(overrides: Partial<OpenBookingArgs> = {}): TransitionResult {
  return ok(openBooking(createArgs(overrides)));
}
