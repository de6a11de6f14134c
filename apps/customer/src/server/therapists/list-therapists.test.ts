import { publicDistanceKm } from "@tenang/booking-core/public-distance";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listTherapists } from "./list-therapists";
import { listVisibleTherapists } from "@tenang/booking-server/therapists/therapist-repository";

vi.mock("@tenang/booking-server/therapists/therapist-repository", () => ({ listVisibleTherapists: vi.fn() }));
// The context is only passed through to the mocked read.
const CONTEXT = vi.hoisted(() => ({ context: "booking-server" }));
vi.mock("@/server/app-server", () => ({ bookingServer: () => CONTEXT }));

// Seminyak-ish coordinates; 0.01° of latitude is about 1.1 km.
const SEMINYAK = { lat: -8.69, lng: 115.17 };

function therapist(id: string, overrides: Partial<Therapist> = {}): Therapist {
  return {
    id,
    userId: null,
    name: `Therapist ${id}`,
    gender: "female",
    bio: "",
    photoFileId: null,
    languages: ["en"],
    massageTypes: ["balinese"],
    area: "seminyak",
    lat: SEMINYAK.lat,
    lng: SEMINYAK.lng,
    serviceRadiusKm: 10,
    price60: 250_000,
    price90: 350_000,
    price120: null,
    rating: 4.5,
    ratingCount: 10,
    acceptanceRate: 1,
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

beforeEach(() => vi.mocked(listVisibleTherapists).mockReset());

describe("listTherapists", () => {
  it("puts available therapists first, then busy, then offline, keeping the repository's rating order", async () => {
    vi.mocked(listVisibleTherapists).mockResolvedValue([
      therapist("offline-best", { isOnline: false }),
      therapist("busy", { isBusy: true }),
      therapist("available-a"),
      therapist("available-b"),
    ]);
    const ids = (await listTherapists({})).map((t) => t.id);
    expect(ids).toEqual(["available-a", "available-b", "busy", "offline-best"]);
  });

  it("with a point, keeps only therapists whose reach covers it, nearest first", async () => {
    vi.mocked(listVisibleTherapists).mockResolvedValue([
      therapist("far-small-radius", { lat: SEMINYAK.lat + 0.05, serviceRadiusKm: 3 }), // ~5.6 km away, reaches 3 km
      therapist("beyond-search-radius", { lat: SEMINYAK.lat + 0.18, serviceRadiusKm: 50 }), // ~20 km, dispatch max 15
      therapist("mid", { lat: SEMINYAK.lat + 0.03 }),
      therapist("near", { lat: SEMINYAK.lat + 0.01 }),
    ]);
    const listed = await listTherapists(SEMINYAK);
    expect(listed.map((t) => t.id)).toEqual(["near", "mid"]);
    // The public distance (from the base's cell, in 0.5 km steps), not the exact 1.1 km.
    expect(listed[0]?.distanceKm).toBe(publicDistanceKm(SEMINYAK, { lat: SEMINYAK.lat + 0.01, lng: SEMINYAK.lng }));
    expect(listed[0]?.distanceKm).toBe(2);
  });

  it("passes area and duration to the repository and never exposes contact details", async () => {
    vi.mocked(listVisibleTherapists).mockResolvedValue([therapist("a")]);
    const [listed] = await listTherapists({ area: "ubud", duration: 90 });
    expect(listVisibleTherapists).toHaveBeenCalledWith(CONTEXT, { area: "ubud", offersDuration: 90 });
    expect(listed).not.toHaveProperty("whatsapp");
    expect(listed).not.toHaveProperty("userId");
    expect(listed?.prices).toEqual({ 60: 250_000, 90: 350_000, 120: null });
  });

  it("applies the panel filters: price for the duration, rating, language, massage type, available now", async () => {
    vi.mocked(listVisibleTherapists).mockResolvedValue([
      therapist("cheap", { price60: 200_000, languages: ["en", "ja"], massageTypes: ["balinese", "hot_stone"] }),
      therapist("dear", { price60: 400_000, rating: 4.9 }),
      therapist("busy", { isBusy: true, rating: 4.9 }),
      therapist("offline", { isOnline: false }),
      therapist("unrated", { ratingCount: 0, rating: 0 }),
    ]);
    const ids = async (input: Parameters<typeof listTherapists>[0]) => (await listTherapists(input)).map((t) => t.id);
    expect(await ids({ maxPrice: 250_000 })).toEqual(["cheap", "unrated", "busy", "offline"]);
    expect(await ids({ maxPrice: 300_000, duration: 120 })).toEqual([]); // nobody offers 120 min here
    expect(await ids({ minRating: 4.8 })).toEqual(["dear", "busy"]);
    expect(await ids({ language: "ja" })).toEqual(["cheap"]);
    expect(await ids({ massageType: "hot_stone" })).toEqual(["cheap"]);
    expect(await ids({ available: true })).toEqual(["cheap", "dear", "unrated"]);
  });
});
