// The chat room of a booking, derived from the booking so the two never disagree: system messages only while the
// search runs, customer ↔ provider once confirmed, read-only after cancellation, expiry, or 24 h after completion.
import type { Booking, BookingStatus } from "./schemas/booking";
import type { ChatRoom, ChatRoomStatus, SenderType } from "./schemas/chat";
import { HOUR_MS, toMs } from "./time";

/** After completion people may still write (a forgotten bag, a thank-you) for this long. */
export const CHAT_OPEN_AFTER_COMPLETION_MS = 24 * HOUR_MS;

const ACTIVE: readonly BookingStatus[] = ["confirmed", "on_the_way", "arrived", "in_progress"];

export function chatRoomStatusFor(
  booking: Pick<Booking, "status" | "completedAt">,
  now: Date | number,
): ChatRoomStatus {
  if (booking.status === "searching" || booking.status === "therapist_found") return "pending";
  if (ACTIVE.includes(booking.status)) return "active";
  if (booking.status === "completed" && booking.completedAt !== null) {
    return toMs(now) < toMs(booking.completedAt) + CHAT_OPEN_AFTER_COMPLETION_MS ? "active" : "closed";
  }
  return "closed";
}

export function chatRoomFor(booking: Booking, now: Date | number): ChatRoom {
  const confirmed = ACTIVE.includes(booking.status) || booking.status === "completed";
  return {
    id: booking.id,
    bookingId: booking.id,
    customerId: booking.customerId,
    customerName: booking.customerName,
    therapistId: confirmed ? booking.therapistId : null,
    placeId: booking.placeId,
    status: chatRoomStatusFor(booking, now),
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
  };
}

export type ChatSender =
  | { type: "customer"; customerId: string }
  | { type: "therapist"; therapistId: string }
  | { type: "place"; placeId: string }
  | { type: "admin" };

/** Whether `sender` may post a message in this booking's chat now. Support (admin) may always write. */
export function canSendMessage(booking: Booking, sender: ChatSender, now: Date | number): boolean {
  if (sender.type === "admin") return true;
  if (chatRoomStatusFor(booking, now) !== "active") return false;
  switch (sender.type) {
    case "customer":
      return sender.customerId === booking.customerId;
    case "therapist":
      return booking.providerType === "therapist" && sender.therapistId === booking.therapistId;
    case "place":
      return booking.providerType === "place" && sender.placeId === booking.placeId;
  }
}

/** The sender type stored on a message row for a ChatSender. */
export function senderTypeOf(sender: ChatSender): SenderType {
  return sender.type;
}
