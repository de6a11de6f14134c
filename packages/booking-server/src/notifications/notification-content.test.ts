import { describe, expect, it } from "vitest";
import { pushContentFor } from "./notification-content";

const NOW = new Date("2025-11-22T02:00:00.000Z");
// Seminyak, as the area nearest to the booking point.
const booking = {
  id: "b1",
  status: "searching" as const,
  customerDecisionDeadline: null,
  currentOfferId: "b1_1",
  expiryReason: null,
  lat: -8.6913,
  lng: 115.1683,
};

describe("pushContentFor", () => {
  it("an offer: payout, area and deadline in the title and body; kept on screen, vibrating, opens the dashboard", () => {
    const payload = pushContentFor({
      notification: { key: "new_offer", params: { duration: 90, amount: 500_000, expiresAt: "2025-11-22T02:01:00Z" } },
      locale: "id",
      booking,
      now: NOW,
    });
    // Payout = amount − 30 % commission.
    expect(payload).toMatchObject({
      title: "Permintaan pemesanan baru · Rp350.000",
      body: "90 menit · Seminyak. Pendapatan Anda Rp350.000. Tanggapi sebelum 10.01 WITA.",
      url: "/",
      tag: "b1_1",
      requireInteraction: true,
    });
    expect(payload.vibrate.length).toBeGreaterThan(0);
  });

  it("therapist found: how many minutes are left to decide", () => {
    const payload = pushContentFor({
      notification: { key: "therapist_found", params: {} },
      locale: "en",
      booking: { ...booking, status: "therapist_found", customerDecisionDeadline: "2025-11-22T02:04:30.000Z" },
      now: NOW,
    });
    expect(payload).toMatchObject({
      title: "Therapist found",
      body: "A therapist is available. Decide within 5 min, or the therapist is released.",
      url: "/bookings/b1",
      tag: "booking-b1",
      requireInteraction: true,
    });
  });

  it.each([
    ["on_the_way", "Your therapist is on the way", "Terapis Anda sedang menuju"],
    ["arrived", "Your therapist has arrived", "Terapis Anda sudah tiba"],
  ] as const)("a status update says which one: %s", (status, en, id) => {
    const input = { notification: { key: "status_update", params: {} }, booking: { ...booking, status }, now: NOW };
    expect(pushContentFor({ ...input, locale: "en" } as Parameters<typeof pushContentFor>[0]).title).toBe(en);
    expect(pushContentFor({ ...input, locale: "id" } as Parameters<typeof pushContentFor>[0]).title).toBe(id);
  });

  it("account notifications open the earnings page; a lifted restriction replaces the restriction notice", () => {
    const restricted = pushContentFor({
      notification: { key: "account_restricted", params: {} },
      locale: "en",
      booking: null,
      now: NOW,
    });
    const lifted = pushContentFor({
      notification: { key: "restriction_lifted", params: {} },
      locale: "en",
      booking: null,
      now: NOW,
    });
    expect(restricted).toMatchObject({ url: "/earnings", title: "Account restricted" });
    expect(lifted).toMatchObject({ url: "/earnings", title: "Account active again", tag: restricted.tag });
  });

  it("the search ran out: says so to the customer", () => {
    expect(
      pushContentFor({
        notification: { key: "booking_expired", params: {} },
        locale: "en",
        booking: { ...booking, status: "expired" },
        now: NOW,
      }),
    ).toMatchObject({ title: "Search ended", url: "/bookings/b1", requireInteraction: false });
  });

  it("the decision window ran out: the therapist was released because nobody answered", () => {
    const payload = pushContentFor({
      notification: { key: "booking_expired", params: {} },
      locale: "id",
      booking: { ...booking, status: "expired", expiryReason: "customer_no_response" },
      now: NOW,
    });
    expect(payload).toMatchObject({
      title: "Terapis dilepas",
      body: "Anda tidak menjawab tepat waktu, jadi terapis dilepas. Buka Tenang untuk mencari lagi.",
    });
  });
});
