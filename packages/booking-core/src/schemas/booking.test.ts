import { describe, expect, it } from "vitest";
import { created } from "../../test/fixtures";
import { errorMapFor, parseWith } from "../validation";
import { DomainError } from "../errors";
import {
  bookingSchema,
  cancelReasons,
  cancelReasonsByActor,
  createBookingInputSchema,
  isCancelReasonFor,
} from "./booking";

const form = {
  source: "bookNow",
  kind: "immediate",
  duration: 90,
  customerName: "  Emma  Watson ",
  customerWhatsapp: "0812-3456-7890",
  address: "Jl. Kayu Aya No. 12, Seminyak",
  hotelOrVilla: "Villa Kembang",
  roomNumber: "",
  lat: -8.6913,
  lng: 115.1683,
  discountCode: "bali10",
};

describe("createBookingInputSchema: the booking form", () => {
  it("normalises what people type", () => {
    expect(createBookingInputSchema.parse(form)).toEqual({
      source: "bookNow",
      kind: "immediate",
      providerType: "therapist",
      therapistId: null,
      placeId: null,
      duration: 90,
      massageType: null,
      customerName: "Emma Watson",
      customerWhatsapp: "+6281234567890",
      address: "Jl. Kayu Aya No. 12, Seminyak",
      hotelOrVilla: "Villa Kembang",
      roomNumber: null,
      lat: -8.6913,
      lng: 115.1683,
      scheduledFor: null,
      discountCode: "BALI10",
      preferredLanguage: null,
      preferredTherapistGender: null,
      locale: "en",
    });
  });

  it.each([
    [{ kind: "scheduled" }, "scheduledFor", "Choose a date and time for a scheduled booking."],
    [{ scheduledFor: "2025-11-23T06:00:00.000Z" }, "scheduledFor", "An immediate booking has no scheduled time."],
    [{ source: "scheduled" }, "kind", "A booking from the schedule button is a scheduled booking."],
    [{ providerType: "place" }, "placeId", "A spa booking names the spa; a therapist booking names no spa."],
    [{ placeId: "p1" }, "placeId", "A spa booking names the spa; a therapist booking names no spa."],
    [{ duration: 45 }, "duration", "Duration must be 60, 90 or 120 minutes."],
    [
      { source: "bookingButton" },
      "source",
      'Unknown booking source "bookingButton". Use one of: bookNow, scheduled, menu, chatWindow, direct.',
    ],
  ])("%j is refused at %s", (patch, path, message) => {
    const issues =
      createBookingInputSchema.safeParse({ ...form, ...patch }, { error: errorMapFor("en") }).error?.issues ?? [];
    expect(issues.find((i) => i.path.join(".") === path)?.message).toBe(message);
  });

  it("speaks Indonesian to Indonesian users", () => {
    const error = parseWith(
      createBookingInputSchema,
      { ...form, customerWhatsapp: "0361 123456", duration: 75 },
      "id",
    ) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.issues).toEqual([
      { path: "duration", message: "Durasi harus 60, 90, atau 120 menit." },
      {
        path: "customerWhatsapp",
        message: "Masukkan nomor WhatsApp yang valid, misalnya 0812 3456 7890 atau +61 412 345 678.",
      },
    ]);
  });
});

describe("bookingSchema", () => {
  it("round-trips a booking made by the lifecycle, and fills defaults for older rows", () => {
    const booking = created().booking;
    expect(bookingSchema.parse(booking)).toEqual(booking);
    const { requestedTherapistId: _a, customerLocale: _b, commissionId: _c, expiryReason: _d, ...older } = booking;
    expect(bookingSchema.parse(older)).toMatchObject({
      requestedTherapistId: null,
      customerLocale: "en",
      commissionId: null,
      expiryReason: null,
    });
  });

  it("an unknown status is a validation error, in both languages", () => {
    const row = { ...created().booking, status: "pending_accept" };
    expect(bookingSchema.safeParse(row, { error: errorMapFor("en") }).error?.issues[0]?.message).toMatch(
      /^Unknown status "pending_accept"\./,
    );
    expect(bookingSchema.safeParse(row, { error: errorMapFor("id") }).error?.issues[0]?.message).toMatch(
      /^Status "pending_accept" tidak dikenal\./,
    );
  });

  it("each party has its own cancel reasons", () => {
    expect(isCancelReasonFor("customer", "changed_mind")).toBe(true);
    expect(isCancelReasonFor("customer", "customer_no_show")).toBe(false);
    expect(isCancelReasonFor("therapist", "customer_no_show")).toBe(true);
    expect(new Set(cancelReasons).size).toBe(cancelReasons.length);
    for (const reasons of Object.values(cancelReasonsByActor))
      for (const r of reasons) expect(cancelReasons).toContain(r);
  });
});
