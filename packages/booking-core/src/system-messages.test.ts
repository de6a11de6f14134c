import { describe, expect, it } from "vitest";
import {
  type Notification,
  type SystemMessage,
  notificationKeys,
  parseSystemMessage,
  renderNotification,
  renderSystemMessage,
  systemMessageKeys,
} from "./system-messages";

const AT = "2025-11-23T06:00:00.000Z";
const sampleParams: Record<string, Record<string, unknown>> = {
  scheduled_request_sent: { scheduledFor: AT, respondBy: "2025-11-22T05:00:00.000Z" },
  confirmed_scheduled: { scheduledFor: AT },
  on_the_way: { etaMinutes: 25 },
  delayed: { delayMinutes: 15 },
  new_offer: { duration: 90, amount: 350_000, expiresAt: "2025-11-22T02:01:00.000Z" },
  payment_due: { amount: 105_000, dueAt: "2025-11-22T06:35:00.000Z" },
  payment_overdue: { amount: 105_000, lateFee: 25_000 },
  taken_offline: { missedOffers: 3 },
};

describe("system message catalogue", () => {
  it("every message exists in English and Indonesian, fully rendered", () => {
    for (const key of systemMessageKeys) {
      const message = parseSystemMessage(key, sampleParams[key] ?? {}) as SystemMessage;
      expect(message).not.toBeNull();
      const en = renderSystemMessage(message, { locale: "en" });
      const id = renderSystemMessage(message, { locale: "id" });
      for (const text of [en, id]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/[{}]|undefined|null|NaN/);
      }
      expect(id).not.toBe(en);
    }
  });

  it.each([
    [
      "searching",
      "We're checking availability for therapists near you…",
      "Kami sedang memeriksa ketersediaan terapis di dekat Anda…",
    ],
    ["therapist_found", "Good news! A therapist is available.", "Kabar baik! Ada terapis yang tersedia."],
    [
      "confirmed_immediate",
      "Your booking is confirmed. The therapist will arrive within 1 hour or less.",
      "Pemesanan Anda sudah dikonfirmasi. Terapis akan tiba dalam waktu 1 jam atau kurang.",
    ],
  ] as const)("%s reads as the product specifies", (key, en, id) => {
    const message = { key, params: {} } as SystemMessage;
    expect(renderSystemMessage(message, { locale: "en" })).toBe(en);
    expect(renderSystemMessage(message, { locale: "id" })).toBe(id);
  });

  it("renders parameters in the viewer's language and zone", () => {
    const confirmed: SystemMessage = { key: "confirmed_scheduled", params: { scheduledFor: AT } };
    expect(renderSystemMessage(confirmed, { locale: "en" })).toBe(
      "Your booking is confirmed for Sun, 23 Nov 2025, 14:00 WITA.",
    );
    expect(renderSystemMessage(confirmed, { locale: "id" })).toBe(
      "Pemesanan Anda sudah dikonfirmasi untuk Min, 23 Nov 2025, 14.00 WITA.",
    );
    expect(renderSystemMessage(confirmed, { locale: "en", timeZone: "Australia/Sydney" })).toContain("17:00 UTC+11");
    expect(renderSystemMessage({ key: "on_the_way", params: { etaMinutes: null } }, { locale: "en" })).toBe(
      "Your therapist is on the way.",
    );
    expect(renderSystemMessage({ key: "on_the_way", params: { etaMinutes: null } }, { locale: "id" })).toBe(
      "Terapis Anda sedang dalam perjalanan.",
    );
    expect(renderSystemMessage({ key: "delayed", params: { delayMinutes: 15 } }, { locale: "id" })).toBe(
      "Terapis Anda terlambat sekitar 15 menit. Mohon maaf atas ketidaknyamanannya.",
    );
  });

  it("reads stored rows back, refusing unknown keys and params that do not fit", () => {
    expect(parseSystemMessage("delayed", { delayMinutes: 10 })).toEqual({
      key: "delayed",
      params: { delayMinutes: 10 },
    });
    expect(parseSystemMessage("searching", null)).toEqual({ key: "searching", params: {} });
    expect(parseSystemMessage("delayed", { delayMinutes: "ten" })).toBeNull();
    expect(parseSystemMessage("no_such_key", {})).toBeNull();
  });
});

describe("notification catalogue", () => {
  it("every notification exists in both languages", () => {
    for (const key of notificationKeys) {
      const notification = { key, params: sampleParams[key] ?? {} } as Notification;
      const en = renderNotification(notification, { locale: "en" });
      const id = renderNotification(notification, { locale: "id" });
      expect(en).not.toMatch(/[{}]|undefined|NaN/);
      expect(id).not.toBe(en);
    }
  });

  it("formats money and times in the recipient's language", () => {
    const offer = { key: "new_offer", params: sampleParams.new_offer } as Notification;
    expect(renderNotification(offer, { locale: "en" })).toBe(
      "New booking request: 90 min, IDR 350,000. Respond by 10:01 WITA.",
    );
    expect(renderNotification(offer, { locale: "id" })).toBe(
      "Permintaan pemesanan baru: 90 menit, Rp350.000. Tanggapi sebelum 10.01 WITA.",
    );
    const overdue = { key: "payment_overdue", params: sampleParams.payment_overdue } as Notification;
    expect(renderNotification(overdue, { locale: "id" })).toContain("Denda keterlambatan Rp25.000");
  });
});
