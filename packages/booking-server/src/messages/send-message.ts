import "server-only";
// A customer, the confirmed therapist or support posts into a booking's chat. Idempotent by clientMessageId (unique
// index bookingId + clientMessageId: a retried send returns the stored message), rate limited to 30 a minute per
// sender, and only while booking-core's canSendMessage says the room is open to them.
import { canSendMessage, chatRoomFor, type ChatSender } from "@tenang/booking-core/chat";
import { DomainError } from "@tenang/booking-core/errors";
import type { SendMessageInput } from "@tenang/booking-core/schemas/chat";
import { ID } from "node-appwrite";
import { commitWriteSet, WriteSet } from "../appwrite/write-set";
import { requireBooking } from "../bookings/booking-repository";
import type { BookingServerContext } from "../context";
import { messagePermissions } from "../shared/permissions";
import { stageRateLimit, takeRateLimit } from "../shared/rate-limit-repository";
import { TABLES } from "../tables";
import { findTherapist } from "../therapists/therapist-repository";
import { type ChatViewer, assertMayReadChat } from "./chat-access";
import { type StoredMessage, findMessage, findMessageByClientId, sentMessageRowData } from "./message-repository";

function chatSenderOf(sender: ChatViewer): ChatSender {
  switch (sender.role) {
    case "customer":
      return { type: "customer", customerId: sender.id };
    case "therapist":
      return { type: "therapist", therapistId: sender.id };
    case "admin":
      return { type: "admin" };
  }
}

export async function sendMessage(
  ctx: BookingServerContext,
  args: { bookingId: string; sender: ChatViewer; input: SendMessageInput },
): Promise<StoredMessage> {
  const { bookingId, sender, input } = args;
  const { booking } = await requireBooking(ctx, bookingId);
  const now = ctx.clock();
  // A stranger learns nothing (not_found); a participant whose room is closed is told no (forbidden).
  if (sender.role !== "admin") assertMayReadChat(booking, sender, now);
  const existing = await findMessageByClientId(ctx, bookingId, input.clientMessageId);
  if (existing) return existing;
  if (!canSendMessage(booking, chatSenderOf(sender), now)) {
    throw new DomainError("forbidden", "this chat is not open for messages", {
      details: { room: chatRoomFor(booking, now).status },
    });
  }
  const grant = await takeRateLimit(ctx, "sendMessage", `${sender.role}:${sender.id}`, now);
  const room = chatRoomFor(booking, now);
  const therapistUserId = room.therapistId
    ? ((await findTherapist(ctx, room.therapistId))?.therapist.userId ?? null)
    : null;

  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const messageId = ID.unique();
    const set = new WriteSet().create(
      TABLES.messages,
      messageId,
      sentMessageRowData(bookingId, sender, input),
      messagePermissions(booking.customerId, therapistUserId),
    );
    stageRateLimit(set, grant);
    const outcome = await commitWriteSet(ctx, set);
    if (outcome.ok) {
      const stored = await findMessage(ctx, messageId);
      if (stored) return stored;
    }
    // The same clientMessageId stored a moment earlier (a retry racing the original) wins; return that one.
    const winner = await findMessageByClientId(ctx, bookingId, input.clientMessageId);
    if (winner) return winner;
  }
  throw new DomainError("service_unavailable", "could not store the message, try again", { retryAfterMs: 500 });
}
