import "server-only";
import { requireBooking } from "@tenang/booking-server/bookings/booking-repository";
import { assertMayReadChat, type ChatViewer } from "@tenang/booking-server/messages/chat-access";
import { listMessageRows, type StoredMessage } from "@tenang/booking-server/messages/message-repository";
import { Query } from "node-appwrite";
import { bookingServer } from "@/server/bookings/booking-server-context";

/**
 * Messages of one booking's chat whose text matches the words (the messages table's fulltext index), in
 * conversation order. The same access rule as reading the chat: a stranger gets "not found". booking-server has no
 * search of its own yet; this is built from its repository and access check so the rules stay in one place.
 */
export async function searchBookingMessages(args: {
  bookingId: string;
  viewer: ChatViewer;
  query: string;
  limit: number;
}): Promise<StoredMessage[]> {
  const ctx = bookingServer();
  const { booking } = await requireBooking(ctx, args.bookingId);
  assertMayReadChat(booking, args.viewer, ctx.clock());
  return listMessageRows(ctx, [
    Query.equal("bookingId", args.bookingId),
    Query.search("text", args.query),
    Query.orderAsc("$sequence"),
    Query.limit(args.limit),
  ]);
}
