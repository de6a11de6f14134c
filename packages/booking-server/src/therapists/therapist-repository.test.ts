import type { Models } from "node-appwrite";
import { describe, expect, it } from "vitest";
import { therapistFromRow } from "./therapist-repository";

// A row as Appwrite returns it (columns from packages/db/src/schema.ts, plus the $-fields).
const row = {
  $id: "th_sari",
  $sequence: "1",
  $tableId: "therapists",
  $databaseId: "tenang",
  $createdAt: "2025-11-01T00:00:00.000+00:00",
  $updatedAt: "2025-11-01T00:00:00.000+00:00",
  $permissions: ['read("user:u1")'],
  userId: "u1",
  name: "Ni Wayan Sari",
  gender: "female",
  bio: null,
  photoFileId: "ph_sari",
  languages: ["en", "id"],
  massageTypes: ["balinese"],
  area: "seminyak",
  lat: -8.69,
  lng: 115.17,
  serviceRadiusKm: 10,
  price60: 250000,
  price90: 350000,
  price120: null,
  rating: 4.8,
  ratingCount: 120,
  acceptanceRate: 0.9,
  whatsapp: "+6281234567890",
  isOnline: true,
  isBusy: false,
  isRestricted: false,
  restrictedReason: null,
  missedOffersInRow: 0,
  lastBookingAt: null,
  workingHoursStart: "08:00",
  workingHoursEnd: "22:00",
} as unknown as Models.DefaultRow;

describe("therapistFromRow", () => {
  it("gives booking-core's shape: id from $id, working hours grouped, no $-fields", () => {
    const { therapist } = therapistFromRow(row);
    expect(therapist.id).toBe("th_sari");
    expect(therapist.workingHours).toEqual({ start: "08:00", end: "22:00" });
    expect(therapist.price120).toBeNull();
    expect(Object.keys(therapist).filter((key) => key.startsWith("$"))).toEqual([]);
    expect(therapist).not.toHaveProperty("workingHoursStart");
  });

  it("reads a row written before the working-hours columns existed with the columns' defaults, 08:00–22:00", () => {
    const { workingHoursStart: _start, workingHoursEnd: _end, ...older } = row;
    expect(therapistFromRow(older as Models.DefaultRow).therapist.workingHours).toEqual({
      start: "08:00",
      end: "22:00",
    });
  });

  it("reads the lock state, version 0 for a row from before the column", () => {
    expect(therapistFromRow(row)).toMatchObject({ holdVersion: 0, currentOfferId: null, currentOfferExpiresAt: null });
    expect(therapistFromRow({ ...row, holdVersion: 3, currentOfferId: "of_1" } as Models.DefaultRow)).toMatchObject({
      holdVersion: 3,
      currentOfferId: "of_1",
    });
  });

  it("refuses a row that is not a therapist (the list readers skip it and log which one)", () => {
    expect(() => therapistFromRow({ ...row, area: "legian" } as Models.DefaultRow)).toThrow();
  });
});
