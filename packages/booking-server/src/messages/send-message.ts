import "server-only";
// A customer, the confirmed therapist or support posts into a booking's chat. Idempotent by clientMessageId (unique
// index bookingId + clientMessageId: a retried send returns the stored message), rate limited to 30 a minute per
// sender, and only while booking-core's canSendMessage says the room is open to them.
import { canSendMessage, chatRoomFor, type ChatSender } from "@tenang/booking-core/chat";
import { DomainError } from "@tenang/booking-core/errors";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { SendMessageInput } from "@tenang/booking-core/schemas/chat";
import { ID } from "node-appwrite";
import { commitWriteSet, WriteSet } from "../appwrite/write-set";
import { requireBooking } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { messagePermissions } from "../shared/permissions";
import { type RateLimitGrant, stageRateLimit, takeRateLimit } from "../shared/rate-limit-repository";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { findTherapist } from "../therapists/therapist-repository";
import { type ChatViewer, assertMayReadChat } from "./chat-access";
import { findChatImageFileOf } from "./chat-image-repository";
import { MAX_RACE_ATTEMPTS, waitAfterLostRace } from "../shared/lost-race";
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

/**
 * The checks before anything is stored for `sender` in this chat: a stranger learns nothing (not_found), a
 * participant whose room is closed is told no (forbidden), and the rate limit is taken (stored with the message).
 * Returns the message already stored for the clientMessageId instead, when there is one (a retry).
 */
export async function admitChatSend(
  ctx: BookingServerContext,
  args: { bookingId: string; sender: ChatViewer; clientMessageId: string },
): Promise<{ existing: StoredMessage } | { existing: null; booking: Booking; grant: RateLimitGrant; now: Date }> {
  const { bookingId, sender, clientMessageId } = args;
  const { booking } = await requireBooking(ctx, bookingId);
  const now = ctx.clock();
  if (sender.role !== "admin") assertMayReadChat(booking, sender, now);
  const existing = await findMessageByClientId(ctx, bookingId, clientMessageId);
  if (existing) return { existing };
  if (!canSendMessage(booking, chatSenderOf(sender), now)) {
    throw new DomainError("forbidden", "this chat is not open for messages", {
      details: { room: chatRoomFor(booking, now).status },
    });
  }
  const grant = await takeSendAllowance(ctx, sender, now);
  return { existing: null, booking, grant, now };
}

/** The sender's 30-a-minute allowance, read now (throws rate_limited when spent). */
function takeSendAllowance(ctx: BookingServerContext, sender: ChatViewer, now: Date): Promise<RateLimitGrant> {
  return takeRateLimit(ctx, "sendMessage", `${sender.role}:${sender.id}`, now);
}

/** Read permissions of what is posted in the chat now: the customer, and the confirmed therapist's user. */
export async function chatReaderPermissions(ctx: BookingServerContext, booking: Booking, now: Date): Promise<string[]> {
  const room = chatRoomFor(booking, now);
  const therapistUserId = room.therapistId
    ? ((await findTherapist(ctx, room.therapistId))?.therapist.userId ?? null)
    : null;
  return messagePermissions(booking.customerId, therapistUserId);
}

/**
 * Stores an admitted message with its rate-limit grant in one transaction. When the same clientMessageId was stored
 * a moment earlier (a retry racing the original), that message wins and is returned: callers compare it with what
 * they meant to store. A commit lost to another message of the same sender (their allowance row changed first) is
 * redone with the allowance read again, after a jittered wait, so a burst ends in messages or rate_limited, not 503.
 */
export async function storeSentMessage(
  ctx: BookingServerContext,
  args: { booking: Booking; sender: ChatViewer; input: SendMessageInput; grant: RateLimitGrant; permissions: string[] },
): Promise<StoredMessage> {
  const { booking, sender, input, permissions } = args;
  let { grant } = args;
  for (let attempt = 1; attempt <= MAX_RACE_ATTEMPTS; attempt += 1) {
    if (attempt > 1) {
      await waitAfterLostRace(attempt - 1);
      grant = await takeSendAllowance(ctx, sender, ctx.clock());
    }
    const messageId = ID.unique();
    const set = new WriteSet().create(
      TABLES.messages,
      messageId,
      sentMessageRowData(booking.id, sender, input),
      permissions,
    );
    stageRateLimit(set, grant);
    const outcome = await commitWriteSet(ctx, set);
    if (outcome.ok) {
      const stored = await findMessage(ctx, messageId);
      if (stored) return stored;
    }
    const winner = await findMessageByClientId(ctx, booking.id, input.clientMessageId);
    if (winner) return winner;
  }
  throw new DomainError("service_unavailable", "could not store the message, try again", { retryAfterMs: 500 });
}

export async function sendMessage(
  ctx: BookingServerContext,
  args: { bookingId: string; sender: ChatViewer; input: SendMessageInput },
): Promise<StoredMessage> {
  const { bookingId, sender, input } = args;
  const admitted = await admitChatSend(ctx, { bookingId, sender, clientMessageId: input.clientMessageId });
  if (admitted.existing) return admitted.existing;
  const { booking, grant, now } = admitted;
  // A photo message may only show a file uploaded to this booking's chat: the id came from a client, and naming
  // another chat's file would show it here (issue 9, finding 3). Unknown and foreign files read the same.
  if (input.kind === "image" && !(await findChatImageFileOf(ctx, booking.id, input.imageFileId))) {
    throw new DomainError("not_found", "chat image not found");
  }
  const permissions = await chatReaderPermissions(ctx, booking, now);
  return storeSentMessage(ctx, { booking, sender, input, grant, permissions });
}
