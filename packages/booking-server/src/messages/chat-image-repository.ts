import "server-only";
// The only file that touches the chat-images bucket (packages/db/src/schema.ts): files are stored with read
// permission for exactly the people who may read the chat, and read back with the API key after the use case has
// checked the viewer. Missing files come back as null, never as Appwrite's 404.
//
// Each file records the booking whose chat it was uploaded to, in its name: `<bookingId>/<clientMessageId>.<ext>`
// (Appwrite ids never contain "/", and a file has no other server-set field; only the API key names files). A file id
// is something a client can copy, so whether a file belongs to a chat is always decided by this record, never by a
// message that names it.
import { type Models, Query } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { isNotFound } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";
import { listRows } from "../shared/rows";
import { BUCKETS, TABLES } from "@tenang/booking-core/resource-ids";
import { CHAT_IMAGE_EXTENSIONS, type ChatImageType, isChatImageType } from "./chat-image-file";
import { type StoredMessage, messageFromRow } from "./message-repository";

/** The stored name: the booking it belongs to, then the extension of what the bytes are (not what the device said). */
export function chatImageFileName(bookingId: string, baseName: string, type: ChatImageType): string {
  return `${bookingId}/${baseName}.${CHAT_IMAGE_EXTENSIONS[type]}`;
}

const isFileOfBooking = (file: Models.File, bookingId: string): boolean => file.name.startsWith(`${bookingId}/`);

export async function storeChatImageFile(
  ctx: BookingServerContext,
  file: {
    fileId: string;
    bookingId: string;
    baseName: string;
    bytes: Uint8Array;
    type: ChatImageType;
    permissions: string[];
  },
): Promise<Models.File> {
  const name = chatImageFileName(file.bookingId, file.baseName, file.type);
  return ctx.storage.createFile({
    bucketId: BUCKETS.chatImages,
    fileId: file.fileId,
    file: InputFile.fromBuffer(file.bytes, name),
    permissions: file.permissions,
  });
}

/** Removes a file nothing refers to (a lost race, a failed insert). Best effort: a leftover is only wasted space. */
export async function deleteChatImageFile(ctx: BookingServerContext, fileId: string): Promise<void> {
  try {
    await ctx.storage.deleteFile({ bucketId: BUCKETS.chatImages, fileId });
  } catch (error) {
    if (!isNotFound(error)) console.warn(`[chat-images] could not delete orphan file ${fileId}`, error);
  }
}

/** Sets who may read these chat photos directly (the same people as the chat's messages). Missing files are skipped. */
export async function setChatImageReaders(
  ctx: BookingServerContext,
  fileIds: readonly string[],
  permissions: string[],
): Promise<void> {
  for (const fileId of fileIds) {
    try {
      await ctx.storage.updateFile({ bucketId: BUCKETS.chatImages, fileId, permissions });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

export interface ChatImageBytes {
  bytes: ArrayBuffer;
  contentType: ChatImageType;
  size: number;
}

/** The chat image `fileId` if it was uploaded to this booking's chat, else null (missing, or another chat's). */
export async function findChatImageFileOf(
  ctx: BookingServerContext,
  bookingId: string,
  fileId: string,
): Promise<Models.File | null> {
  try {
    const file = await ctx.storage.getFile({ bucketId: BUCKETS.chatImages, fileId });
    return isFileOfBooking(file, bookingId) ? file : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The bytes of a chat image uploaded to this booking's chat, or null when there is none (missing, another chat's, or
 * not one of the accepted image types).
 */
export async function readChatImageFile(
  ctx: BookingServerContext,
  bookingId: string,
  fileId: string,
): Promise<ChatImageBytes | null> {
  try {
    const file = await findChatImageFileOf(ctx, bookingId, fileId);
    if (!file || !isChatImageType(file.mimeType)) return null;
    const bytes = await ctx.storage.getFileView({ bucketId: BUCKETS.chatImages, fileId });
    return { bytes, contentType: file.mimeType, size: file.sizeOriginal };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The image message of this booking that shows `fileId`, if any: a file id alone proves no link to a booking. */
export async function findImageMessage(
  ctx: BookingServerContext,
  bookingId: string,
  fileId: string,
): Promise<StoredMessage | null> {
  const [row] = await listRows(ctx, TABLES.messages, [
    Query.equal("bookingId", bookingId),
    Query.equal("imageFileId", fileId),
    Query.limit(1),
  ]);
  return row ? messageFromRow(row) : null;
}
