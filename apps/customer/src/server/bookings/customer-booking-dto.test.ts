import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { Language } from "@tenang/booking-core/schemas/common";
import { describe, expect, it } from "vitest";
import { customerBookingResponse } from "./customer-booking-dto";

const booking = {
  id: "b1",
  version: 3,
  status: "confirmed",
  source: "bookNow",
  kind: "immediate",
  customerId: "u1",
  customerName: "Emma Clarke",
  customerWhatsapp: "+6281234567890",
  customerLocale: "en",
  providerType: "therapist",
  therapistId: "therapist-01",
  placeId: null,
  requestedTherapistId: null,
  preferredLanguage: null,
  preferredTherapistGender: null,
  duration: 60,
  massageType: null,
  price: 250_000,
  discountCode: null,
  discountAmount: 0,
  amount: 250_000,
  address: "Jl. Kayu Aya No. 8",
  hotelOrVilla: null,
  roomNumber: null,
  lat: -8.69,
  lng: 115.17,
  scheduledFor: null,
  responseDeadline: null,
  attempt: 1,
  maxAttempts: 5,
  offeredTherapistIds: ["therapist-01"],
  currentOfferId: null,
  offerExpiresAt: null,
  customerDecisionDeadline: null,
  commissionId: "b1",
  cancelledBy: null,
  cancelReason: null,
  expiryReason: null,
  confirmedAt: "2025-11-22T06:30:00.000Z",
  completedAt: null,
  idempotencyKey: "secret-idempotency-key-1",
  createdAt: "2025-11-22T06:29:00.000Z",
  updatedAt: "2025-11-22T06:30:00.000Z",
} satisfies Booking;

const therapist = {
  id: "therapist-01",
  name: "Ni Wayan Sari",
  photoFileId: "photo-therapist-01",
  rating: 4.7,
  ratingCount: 64,
  languages: ["id", "en"] as Language[],
  distanceKm: 0.6,
  etaMinutes: 12,
  whatsapp: "+6281234560000",
};

describe("customerBookingResponse", () => {
  it("gives the browser the booking without internal fields, the photo URL and a wa.me link", () => {
    const now = new Date("2025-11-22T06:31:00.000Z");
    const { booking: dto, serverTime: serverNow } = customerBookingResponse({ booking, therapist, rating: null }, now);
    expect(serverNow).toBe("2025-11-22T06:31:00.000Z");
    expect(dto).not.toHaveProperty("offeredTherapistIds");
    expect(dto).not.toHaveProperty("currentOfferId");
    expect(dto).not.toHaveProperty("idempotencyKey");
    // Only what the booking screen reads (issue 9: guests get what their screen needs, nothing internal).
    expect(Object.keys(dto).sort()).toEqual(
      [
        "id",
        "version",
        "status",
        "source",
        "kind",
        "providerType",
        "customerId",
        "customerName",
        "customerWhatsapp",
        "requestedTherapistId",
        "placeId",
        "duration",
        "massageType",
        "discountCode",
        "discountAmount",
        "amount",
        "address",
        "hotelOrVilla",
        "roomNumber",
        "lat",
        "lng",
        "scheduledFor",
        "responseDeadline",
        "attempt",
        "maxAttempts",
        "offerExpiresAt",
        "customerDecisionDeadline",
        "cancelledBy",
        "expiryReason",
        "confirmedAt",
        "completedAt",
        "therapist",
        "rating",
      ].sort(),
    );
    expect(dto.therapist).toEqual({
      id: "therapist-01",
      name: "Ni Wayan Sari",
      photoUrl: "/api/photos/photo-therapist-01",
      rating: 4.7,
      ratingCount: 64,
      languages: ["id", "en"],
      distanceKm: 0.6,
      etaMinutes: 12,
      whatsappUrl: "https://wa.me/6281234560000",
    });
  });

  it("has no WhatsApp link before booking-server reveals the number", () => {
    const { booking: dto } = customerBookingResponse({
      booking,
      therapist: { ...therapist, whatsapp: null },
      rating: null,
    });
    expect(dto.therapist?.whatsappUrl).toBeNull();
    expect(customerBookingResponse({ booking, therapist: null, rating: null }).booking.therapist).toBeNull();
  });

  it("carries the guest's rating, and none before they gave one", () => {
    const rating = { stars: 5, comment: "Wonderful", createdAt: "2025-11-22T09:00:00.000Z" };
    expect(customerBookingResponse({ booking, therapist, rating }).booking.rating).toEqual(rating);
    expect(customerBookingResponse({ booking, therapist, rating: null }).booking.rating).toBeNull();
  });
});
