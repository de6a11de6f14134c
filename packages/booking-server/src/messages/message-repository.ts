import "server-only";
// The only file that maps message rows. `sequence` is Appwrite's $sequence: the order messages were stored in, which
// is also the chat's order and cursor (chat-client's ServerMessage carries it).
import { type Message, type SendMessageInput, messageSchema } from "@tenang/booking-core/schemas/chat";
import type { SystemMessage } from "@tenang/booking-core/system-messages";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export type StoredMessage = Message & { sequence: number };

export function messageFromRow(row: Row): StoredMessage {
  const message = messageSchema.parse({ ...row, id: row.$id, createdAt: row.$createdAt });
  return { ...message, sequence: Number(row.$sequence) };
}

/** Columns of a system message posted by a transition. */
export function systemMessageRowData(bookingId: string, message: SystemMessage): Record<string, unknown> {
  return {
    bookingId,
    senderType: "system",
    senderId: null,
    kind: "system",
    systemKey: message.key,
    systemParams: JSON.stringify(message.params),
    clientMessageId: null,
  };
}

export type MessageSenderRole = "customer" | "therapist" | "admin";

/** Columns of a message a person sent. */
export function sentMessageRowData(
  bookingId: string,
  sender: { role: MessageSenderRole; id: string },
  input: SendMessageInput,
): Record<string, unknown> {
  const base = {
    bookingId,
    senderType: sender.role,
    senderId: sender.id,
    kind: input.kind,
    clientMessageId: input.clientMessageId,
  };
  switch (input.kind) {
    case "text":
      return { ...base, text: input.text };
    case "image":
      return { ...base, imageFileId: input.imageFileId, text: input.text };
    case "location":
      return { ...base, lat: input.lat, lng: input.lng, text: input.text };
  }
}

export async function findMessage(ctx: BookingServerContext, messageId: string): Promise<StoredMessage | null> {
  const row = await getRowOrNull(ctx, TABLES.messages, messageId);
  return row ? messageFromRow(row) : null;
}

/** The message stored for this clientMessageId (unique index bookingId + clientMessageId). */
export async function findMessageByClientId(
  ctx: BookingServerContext,
  bookingId: string,
  clientMessageId: string,
): Promise<StoredMessage | null> {
  const [row] = await listRows(ctx, TABLES.messages, [
    Query.equal("bookingId", bookingId),
    Query.equal("clientMessageId", clientMessageId),
    Query.limit(1),
  ]);
  return row ? messageFromRow(row) : null;
}

export async function listMessageRows(ctx: BookingServerContext, queries: string[]): Promise<StoredMessage[]> {
  return (await listRows(ctx, TABLES.messages, queries)).map(messageFromRow);
}

/**
 * Sets who may read every message of a booking (its chat after the therapist lost it: cancelled, reassigned), page by
 * page, skipping rows that already say so. Returns the photo file ids the chat shows, for the same change on them.
 */
export async function setChatMessageReaders(
  ctx: BookingServerContext,
  bookingId: string,
  permissions: string[],
): Promise<string[]> {
  const fileIds: string[] = [];
  const wanted = [...permissions].sort().join("|");
  let after: string | null = null;
  for (;;) {
    const page = await listRows(ctx, TABLES.messages, [
      Query.equal("bookingId", bookingId),
      Query.orderAsc("$sequence"),
      Query.limit(100),
      ...(after ? [Query.cursorAfter(after)] : []),
    ]);
    for (const row of page) {
      if (typeof row.imageFileId === "string") fileIds.push(row.imageFileId);
      if ([...row.$permissions].sort().join("|") === wanted) continue;
      await ctx.tablesDB.updateRow({
        databaseId: ctx.databaseId,
        tableId: TABLES.messages,
        rowId: row.$id,
        permissions,
      });
    }
    if (page.length < 100) return fileIds;
    after = page[page.length - 1]!.$id;
  }
}
