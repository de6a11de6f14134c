import "server-only";
// Who may read a booking's chat: its customer, the therapist it was confirmed with (booking-core's chat room names
// them only from confirmation on), and support. Anyone else gets "not found", so ids are not confirmed to strangers.
import { chatRoomFor } from "@tenang/booking-core/chat";
import { DomainError } from "@tenang/booking-core/errors";
import type { Booking } from "@tenang/booking-core/schemas/booking";

export type ChatViewerRole = "customer" | "therapist" | "admin";

export interface ChatViewer {
  role: ChatViewerRole;
  /** Customer: the Appwrite user id; therapist: the therapist row id; admin: the admin's user id. */
  id: string;
}

export function assertMayReadChat(booking: Booking, viewer: ChatViewer, now: Date): void {
  const room = chatRoomFor(booking, now);
  const allowed =
    viewer.role === "admin" ||
    (viewer.role === "customer" && room.customerId === viewer.id) ||
    (viewer.role === "therapist" && room.therapistId === viewer.id);
  if (!allowed) throw new DomainError("not_found", "booking not found");
}
