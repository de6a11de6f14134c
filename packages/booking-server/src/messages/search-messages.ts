import "server-only";
// Messages of one booking's chat whose text matches the words (the messages table's fulltext index on `text`), in
// conversation order. Who may search is who may read the chat (listMessages' rule): a stranger gets "not found".
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { chatSearchTextSchema } from "@tenang/booking-core/schemas/chat";
import { parseWith } from "@tenang/booking-core/validation";
import { Query } from "node-appwrite";
import { requireBooking } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { type ChatViewer, assertMayReadChat } from "./chat-access";
import { DEFAULT_MESSAGE_PAGE } from "./list-messages";
import { type StoredMessage, listMessageRows } from "./message-repository";

const MAX_SEARCH_RESULTS = 100;

export interface SearchMessagesArgs {
  bookingId: string;
  viewer: ChatViewer;
  query: string;
  limit?: number;
  /** Language of the refusal sentence. */
  locale?: Locale;
}

export async function searchMessages(ctx: BookingServerContext, args: SearchMessagesArgs): Promise<StoredMessage[]> {
  // booking-core's one rule for search words; a bad one is a request the server cannot read (400), with the reason.
  const query = parseWith(chatSearchTextSchema, args.query, args.locale ?? "en");
  if (isDomainError(query)) throw new DomainError("bad_request", query.message, { issues: query.issues });
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
