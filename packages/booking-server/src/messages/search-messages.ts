import "server-only";
// Messages of one booking's chat whose text matches the words (the messages table's fulltext index on `text`), in
// conversation order. Who may search is who may read the chat (listMessages' rule): a stranger gets "not found".
import { DomainError } from "@tenang/booking-core/errors";
import { Query } from "node-appwrite";
import { requireBooking } from "../bookings/booking-repository";
import type { BookingServerContext } from "../context";
import { type ChatViewer, assertMayReadChat } from "./chat-access";
import { DEFAULT_MESSAGE_PAGE } from "./list-messages";
import { type StoredMessage, listMessageRows } from "./message-repository";

const MAX_SEARCH_RESULTS = 100;
const MAX_QUERY_LENGTH = 200;

export interface SearchMessagesArgs {
  bookingId: string;
  viewer: ChatViewer;
  query: string;
  limit?: number;
}

export async function searchMessages(ctx: BookingServerContext, args: SearchMessagesArgs): Promise<StoredMessage[]> {
  const query = args.query.trim();
  if (query.length === 0 || query.length > MAX_QUERY_LENGTH) {
    throw new DomainError("bad_request", `a search is 1–${MAX_QUERY_LENGTH} characters`);
  }
  const { booking } = await requireBooking(ctx, args.bookingId);
  assertMayReadChat(booking, args.viewer, ctx.clock());
  const limit = Math.min(Math.max(Math.trunc(args.limit ?? DEFAULT_MESSAGE_PAGE), 1), MAX_SEARCH_RESULTS);
  return listMessageRows(ctx, [
    Query.equal("bookingId", args.bookingId),
    Query.search("text", query),
    Query.orderAsc("$sequence"),
    Query.limit(limit),
  ]);
}
