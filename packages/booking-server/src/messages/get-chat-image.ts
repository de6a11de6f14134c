import "server-only";
// The bytes of a photo in a booking's chat, for someone reading that chat: its customer, the confirmed therapist, or
// support. The file must have been uploaded to this booking's chat (the booking it records, not a message naming it:
// a message's file id came from a client) and be shown by a message there; anything else — a stranger, another
// booking's file, a file that is gone — is the same "not found", so file ids are confirmed to nobody.
import { DomainError } from "@tenang/booking-core/errors";
import { requireBooking } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { type ChatViewer, assertMayReadChat } from "./chat-access";
import { type ChatImageBytes, findImageMessage, readChatImageFile } from "./chat-image-repository";

export async function getChatImage(
  ctx: BookingServerContext,
  args: { bookingId: string; fileId: string; viewer: ChatViewer },
): Promise<ChatImageBytes> {
  const { booking } = await requireBooking(ctx, args.bookingId);
  assertMayReadChat(booking, args.viewer, ctx.clock());
  const message = await findImageMessage(ctx, args.bookingId, args.fileId);
  const image = message ? await readChatImageFile(ctx, args.bookingId, args.fileId) : null;
  if (!image) throw new DomainError("not_found", "chat image not found");
  return image;
}
