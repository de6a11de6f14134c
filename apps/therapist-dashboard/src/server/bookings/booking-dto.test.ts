import { describe, expect, it } from "vitest";
import type { Booking, BookingStatus } from "@tenang/booking-core/schemas/booking";
import { therapistBookingViewFor } from "@tenang/booking-server/views";
import { toBookingDto } from "./booking-dto";

function booking(status: BookingStatus): Booking {
  return {
    id: "bk_1",
    version: 3,
    status,
    source: "bookNow",
    kind: "immediate",
    customerId: "cust_1",
    customerName: "Emma Clarke",
    customerWhatsapp: "+6281234567890",
    customerLocale: "en",
    providerType: "therapist",
    therapistId: "therapist-01",
    placeId: null,
    requestedTherapistId: null,
    preferredLanguage: null,
    preferredTherapistGender: null,
    duration: 90,
    massageType: "balinese",
    price: 350_000,
    discountCode: null,
    discountAmount: 0,
    amount: 350_000,
    address: "Jl. Kayu Aya No. 8, Seminyak",
    hotelOrVilla: "Villa Kembang",
    roomNumber: "12",
    lat: -8.6913,
    lng: 115.1682,
    scheduledFor: null,
    responseDeadline: null,
    attempt: 1,
    maxAttempts: 5,
    offeredTherapistIds: ["therapist-01"],
    currentOfferId: null,
    offerExpiresAt: null,
    customerDecisionDeadline: null,
    commissionId: null,
    cancelledBy: null,
    cancelReason: null,
    expiryReason: null,
    confirmedAt: null,
    completedAt: null,
    idempotencyKey: null,
    createdAt: "2025-11-22T06:00:00.000Z",
    updatedAt: "2025-11-22T06:00:00.000Z",
  };
}

describe("toBookingDto", () => {
  it("carries the customer's rating of a completed booking, and null when there is none", () => {
    const done = {
      ...booking("completed"),
      confirmedAt: "2025-11-22T06:01:00.000Z",
      completedAt: "2025-11-22T07:40:00.000Z",
    };
    const rating = {
      bookingId: done.id,
      providerType: "therapist" as const,
      therapistId: "therapist-01",
      placeId: null,
      customerId: done.customerId,
      stars: 4,
      comment: "Strong hands.",
      createdAt: "2025-11-22T09:00:00.000Z",
    };
    expect(toBookingDto(therapistBookingViewFor(done, "therapist-01", rating)).rating).toEqual({
      stars: 4,
      comment: "Strong hands.",
      createdAt: "2025-11-22T09:00:00.000Z",
    });
    expect(toBookingDto(therapistBookingViewFor(done, "therapist-01")).rating).toBeNull();
  });

  it("shows only the first name and no address while the customer is still deciding", () => {
    const dto = toBookingDto(therapistBookingViewFor(booking("therapist_found"), "therapist-01"));
    expect(dto).toMatchObject({
      customer: null,
      customerFirstName: "Emma",
      address: null,
      roomNumber: null,
      mapUrl: null,
    });
  });

  it("withdraws the contact details again once a confirmed booking is cancelled", () => {
    const cancelled = {
      ...booking("cancelled"),
      confirmedAt: "2025-11-22T06:01:00.000Z",
      cancelledBy: "customer" as const,
    };
    const view = therapistBookingViewFor(cancelled, "therapist-01");
    expect(view.contact).toBeNull();
    expect(JSON.stringify(view)).not.toMatch(/Clarke|6281234567890|Kayu Aya|Villa Kembang|-8\.6913/);
    expect(toBookingDto(view)).toMatchObject({ customer: null, customerFirstName: "Emma", address: null });
  });

  it("shows name, wa.me link, address, room and a map link once confirmed, with the 30 % split", () => {
    const dto = toBookingDto(therapistBookingViewFor(booking("on_the_way"), "therapist-01"));
    expect(dto.customer).toEqual({
      name: "Emma Clarke",
      whatsapp: "+6281234567890",
      whatsappDisplay: "+62 812 3456 7890",
      whatsappLink: "https://wa.me/6281234567890",
    });
    expect([dto.address, dto.hotelOrVilla, dto.roomNumber]).toEqual([
      "Jl. Kayu Aya No. 8, Seminyak",
      "Villa Kembang",
      "12",
    ]);
    expect(dto.mapUrl).toBe("https://www.google.com/maps/search/?api=1&query=-8.6913,115.1682");
    expect([dto.amount, dto.commission, dto.payout]).toEqual([350_000, 105_000, 245_000]);
  });
});
