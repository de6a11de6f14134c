import { describe, expect, it } from "vitest";
import { NOW, created } from "../test/fixtures";
import { CHAT_OPEN_AFTER_COMPLETION_MS, canSendMessage, chatRoomFor, chatRoomStatusFor, senderTypeOf } from "./chat";
import type { Booking } from "./schemas/booking";
import { chatRoomSchema } from "./schemas/chat";

const base = () => created().booking;
const withStatus = (status: Booking["status"], extra: Partial<Booking> = {}): Booking => ({
  ...base(),
  status,
  therapistId: "t1",
  ...extra,
});

describe("chat room state follows the booking", () => {
  it.each([
    ["searching", "pending"],
    ["therapist_found", "pending"],
    ["confirmed", "active"],
    ["on_the_way", "active"],
    ["arrived", "active"],
    ["in_progress", "active"],
    ["cancelled", "closed"],
    ["expired", "closed"],
  ] as const)("%s → %s", (status, room) => {
    expect(chatRoomStatusFor(withStatus(status), NOW)).toBe(room);
  });

  it("stays open 24 h after completion", () => {
    const done = withStatus("completed", { completedAt: new Date(NOW).toISOString() });
    expect(chatRoomStatusFor(done, NOW + CHAT_OPEN_AFTER_COMPLETION_MS - 1)).toBe("active");
    expect(chatRoomStatusFor(done, NOW + CHAT_OPEN_AFTER_COMPLETION_MS)).toBe("closed");
    expect(chatRoomStatusFor({ status: "completed", completedAt: null }, NOW)).toBe("closed");
  });

  it("derives the room, naming the therapist only once confirmed", () => {
    const room = chatRoomSchema.parse(chatRoomFor(withStatus("therapist_found"), NOW));
    expect(room).toMatchObject({ id: "b1", bookingId: "b1", customerId: "c1", therapistId: null, status: "pending" });
    expect(chatRoomFor(withStatus("confirmed"), NOW).therapistId).toBe("t1");
    expect(chatRoomFor(withStatus("completed", { completedAt: new Date(NOW).toISOString() }), NOW).therapistId).toBe(
      "t1",
    );
  });
});

describe("who may write", () => {
  const active = withStatus("confirmed");
  it.each([
    [{ type: "customer", customerId: "c1" }, active, true],
    [{ type: "customer", customerId: "c2" }, active, false],
    [{ type: "therapist", therapistId: "t1" }, active, true],
    [{ type: "therapist", therapistId: "t2" }, active, false],
    [{ type: "place", placeId: "p1" }, active, false],
    [{ type: "place", placeId: "p1" }, { ...active, providerType: "place", placeId: "p1", therapistId: null }, true],
    [{ type: "therapist", therapistId: "t1" }, { ...active, providerType: "place", placeId: "p1" }, false],
    [{ type: "customer", customerId: "c1" }, withStatus("searching"), false],
    [{ type: "admin" }, withStatus("cancelled"), true],
  ] as const)("%j", (sender, booking, allowed) => {
    expect(canSendMessage(booking as Booking, sender, NOW)).toBe(allowed);
    expect(senderTypeOf(sender)).toBe(sender.type);
  });
});
