import "server-only";
// A participant sends a photo into a booking's chat: the same admission as sendMessage (participants only, room
// open, 30 a minute), the file checked by its bytes (JPEG/PNG/WebP, ≤ 5 MB), stored in the chat-images bucket
// readable by exactly the chat's people and recording this booking (chat-image-repository), then posted as an `image`
// message idempotently by clientMessageId.
//
// Order and races. The file has to exist before the message that names it, so a retry that races the original
// can upload a second file: both try to insert their message, the unique index (bookingId, clientMessageId) lets
// one win, and the loser deletes its own file and answers with the winner's message. Any other failure after the
// upload deletes the file too. Only a process dying between the two steps leaves an unreferenced file (no message
// names it, so nobody is ever shown it).
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { sendMessageInputSchema } from "@tenang/booking-core/schemas/chat";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { ID } from "node-appwrite";
import type { BookingServerContext } from "../context";
import type { ChatViewer } from "./chat-access";
import { checkChatImageFile } from "./chat-image-file";
import { deleteChatImageFile, storeChatImageFile } from "./chat-image-repository";
import type { StoredMessage } from "./message-repository";
import { admitChatSend, chatReaderPermissions, storeSentMessage } from "./send-message";

export interface UploadChatImageArgs {
  bookingId: string;
  sender: ChatViewer;
  /** The device's id for this photo message; a retried upload with the same id stores one message. */
  clientMessageId: string;
  file: Blob;
  /** An optional caption. */
  text?: string | null;
  /** Language of the refusal sentences (file too large, not an image). */
  locale?: Locale;
}

/** Stands in for the file id while the rest of the message is validated: the file is stored only after that. */
const NOT_YET_STORED = "not-yet-stored";

export async function uploadChatImage(ctx: BookingServerContext, args: UploadChatImageArgs): Promise<StoredMessage> {
  const locale = args.locale ?? "en";
  // booking-core's one schema for what a person sends (clientMessageId, caption), before anything is stored.
  const parsed = parseOrThrow(
    sendMessageInputSchema,
    { kind: "image", clientMessageId: args.clientMessageId, imageFileId: NOT_YET_STORED, text: args.text },
    locale,
  );
  if (parsed.kind !== "image") throw new DomainError("bad_request", "not an image message");
  const { clientMessageId } = parsed;
  const admitted = await admitChatSend(ctx, { bookingId: args.bookingId, sender: args.sender, clientMessageId });
  if (admitted.existing) {
    // A retry of this photo: the stored message, whatever bytes came this time. The id naming something else is
    // the device's bug, said plainly.
    if (admitted.existing.kind !== "image") {
      throw new DomainError("idempotency_mismatch", "clientMessageId already names a message that is not a photo");
    }
    return admitted.existing;
  }
  const { booking, grant, now } = admitted;
  const image = await checkChatImageFile(args.file, locale);
  const permissions = await chatReaderPermissions(ctx, booking, now);

  const fileId = ID.unique();
  await storeChatImageFile(ctx, {
    fileId,
    bookingId: booking.id,
    baseName: clientMessageId,
    bytes: image.bytes,
    type: image.type,
    permissions,
  });
  const input = { ...parsed, imageFileId: fileId };
  let stored: StoredMessage | null = null;
  try {
    stored = await storeSentMessage(ctx, { booking, sender: args.sender, input, grant, permissions });
    return stored;
  } finally {
    // Not ours: the message a racing retry stored first (it shows that retry's file), or nothing at all.
    if (stored?.kind !== "image" || stored.imageFileId !== fileId) await deleteChatImageFile(ctx, fileId);
  }
}
