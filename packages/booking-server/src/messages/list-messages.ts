import "server-only";
// One page of a booking's chat, oldest first. Cursors are message ids and the order is Appwrite's $sequence (the
// order rows were stored in): no cursor = the newest `limit`; `before` = the `limit` just older; `after` = the
// `limit` just newer. `hasMore` says whether more exist further in the direction asked (chat-client's contract).
import { DomainError } from "@tenang/booking-core/errors";
import { Query } from "node-appwrite";
import { requireBooking } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { type ChatViewer, assertMayReadChat } from "./chat-access";
import { type StoredMessage, findMessage, listMessageRows } from "./message-repository";

export const DEFAULT_MESSAGE_PAGE = 50;
const MAX_MESSAGE_PAGE = 100;

export interface ListMessagesArgs {
  bookingId: string;
  viewer: ChatViewer;
  before?: string;
  after?: string;
  limit?: number;
}

export async function listMessages(
  ctx: BookingServerContext,
  args: ListMessagesArgs,
): Promise<{ messages: StoredMessage[]; hasMore: boolean }> {
  if (args.before !== undefined && args.after !== undefined) {
    throw new DomainError("bad_request", "use either before or after, not both");
  }
  const { booking } = await requireBooking(ctx, args.bookingId);
  assertMayReadChat(booking, args.viewer, ctx.clock());
  const limit = Math.min(Math.max(Math.trunc(args.limit ?? DEFAULT_MESSAGE_PAGE), 1), MAX_MESSAGE_PAGE);
  const cursor = args.before ?? args.after;
  if (cursor !== undefined) {
    const anchor = await findMessage(ctx, cursor).catch(() => null);
    if (!anchor || anchor.bookingId !== args.bookingId) throw new DomainError("bad_request", "unknown message cursor");
  }
  const newerThanCursor = args.after !== undefined;
  const queries = [
    Query.equal("bookingId", args.bookingId),
    newerThanCursor ? Query.orderAsc("$sequence") : Query.orderDesc("$sequence"),
    Query.limit(limit + 1),
  ];
  // In descending order, "after the cursor" is older; in ascending order, newer.
  if (cursor !== undefined) queries.push(Query.cursorAfter(cursor));
  const rows = await listMessageRows(ctx, queries);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return { messages: newerThanCursor ? page : page.reverse(), hasMore };
}
