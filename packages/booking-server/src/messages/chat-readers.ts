import "server-only";
// Who may read a booking's chat directly from Appwrite (Realtime included): the customer always, and the therapist
// from the customer's confirmation on — the same people as the rows' read permissions written when each message was
// stored. When a confirmed booking is cancelled or taken from its therapist (support reassigns it), that therapist's
// reads are withdrawn from every message and photo already there: pins and photos say where the customer is
// (issue 9, finding 2: granted at confirmed, withdrawn on cancel and reassignment). A completed booking keeps its
// chat for both.
import { therapistReadsChat } from "@tenang/booking-core/contact-visibility";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { BookingServerContext } from "../context";
import { messagePermissions } from "../shared/permissions";
import { setChatImageReaders } from "./chat-image-repository";
import { setChatMessageReaders } from "./message-repository";

/** Whether the change from `before` to `after` takes the chat away from the therapist who had it. */
export function losesChatTherapist(before: Booking, after: Booking): boolean {
  if (!therapistReadsChat(before)) return false;
  return after.therapistId !== before.therapistId || !therapistReadsChat(after);
}

/**
 * Leaves the chat readable by the customer only (a reassigned booking's new therapist is added by the messages
 * stored once they are confirmed). Called after the booking change committed: a chat has no fixed size, so it does
 * not fit one transaction; a failure is reported to the caller's log and the change itself stands.
 */
export async function withdrawChatFromTherapist(ctx: BookingServerContext, booking: Booking): Promise<void> {
  const permissions = messagePermissions(booking.customerId, null);
  const fileIds = await setChatMessageReaders(ctx, booking.id, permissions);
  await setChatImageReaders(ctx, fileIds, permissions);
}
