// The chat of a booking. There is one room per booking (its id is the booking id); the room's state is derived from
// the booking (see chat.ts), so it never disagrees with it. Messages are text, system (a catalogue key + params,
// rendered in the viewer's language), image, or location.
import * as z from "zod";
import { parseSystemMessage, systemMessageKeySchema } from "../system-messages";
import { withMessage } from "../validation";
import { bookingIdSchema, idSchema, latitudeSchema, longitudeSchema, utcDateTimeSchema } from "./common";

export const chatRoomStatuses = ["pending", "active", "closed"] as const;
export const chatRoomStatusSchema = z.enum(chatRoomStatuses);
export type ChatRoomStatus = z.infer<typeof chatRoomStatusSchema>;

export const chatRoomSchema = z.object({
  id: bookingIdSchema,
  bookingId: bookingIdSchema,
  customerId: idSchema,
  customerName: z.string().max(128),
  therapistId: idSchema.nullable(),
  placeId: idSchema.nullable(),
  /** pending: system messages only (searching, therapist_found); active: customer ↔ provider; closed: read-only. */
  status: chatRoomStatusSchema,
  createdAt: utcDateTimeSchema,
  updatedAt: utcDateTimeSchema,
});
export type ChatRoom = z.infer<typeof chatRoomSchema>;

export const senderTypes = ["customer", "therapist", "place", "admin", "system"] as const;
export const senderTypeSchema = z.enum(senderTypes);
export type SenderType = z.infer<typeof senderTypeSchema>;

export const MAX_MESSAGE_LENGTH = 2000;
/** The largest photo a chat accepts (5 MB): the server refuses more, and the browser checks before uploading. */
export const MAX_CHAT_IMAGE_BYTES = 5 * 1024 * 1024;

const messageText = z
  .string()
  .trim()
  .refine((v) => v.length > 0, withMessage("message_empty"))
  .pipe(z.string().max(MAX_MESSAGE_LENGTH));

export const MAX_CHAT_SEARCH_LENGTH = 200;
/** C0 and C1 control characters (NUL, line breaks, escapes): never part of words a person searches for. */
const hasControlCharacter = (text: string): boolean =>
  [...text].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

/**
 * The words of a chat search: trimmed, 1–200 characters, no control characters. Checked before the database is
 * asked, so a NUL byte or a 10 kB query is the caller's 400, never the database's error (issue 9).
 */
export const chatSearchTextSchema = z
  .string()
  .trim()
  .refine(
    (v) => v.length > 0 && v.length <= MAX_CHAT_SEARCH_LENGTH && !hasControlCharacter(v),
    withMessage("chat_search_invalid"),
  );

/** An id the sender's device generates, so a retried send is stored once and the optimistic copy can be matched. */
export const clientMessageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const base = {
  id: idSchema,
  bookingId: bookingIdSchema,
  senderType: senderTypeSchema,
  senderId: idSchema.nullable(),
  clientMessageId: clientMessageIdSchema.nullable().default(null),
  createdAt: utcDateTimeSchema,
};

function jsonObject(value: unknown): unknown {
  if (typeof value !== "string") return value ?? {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The closed list of message kinds (the discriminator of messageSchema below). */
export const messageKinds = ["text", "system", "image", "location"] as const;

export const textMessageSchema = z.object({ ...base, kind: z.literal("text"), text: messageText });
export const systemMessageRowSchema = z
  .object({
    ...base,
    kind: z.literal("system"),
    systemKey: systemMessageKeySchema,
    /** Stored as JSON text in the database; parsed here. */
    systemParams: z.preprocess(jsonObject, z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .refine((m) => parseSystemMessage(m.systemKey, m.systemParams) !== null, {
    path: ["systemParams"],
    message: "params do not fit the system message",
  });
export const imageMessageSchema = z.object({
  ...base,
  kind: z.literal("image"),
  imageFileId: idSchema,
  text: z.string().max(MAX_MESSAGE_LENGTH).nullable().default(null),
});
export const locationMessageSchema = z.object({
  ...base,
  kind: z.literal("location"),
  lat: latitudeSchema,
  lng: longitudeSchema,
  text: z.string().max(200).nullable().default(null),
});

export const messageSchema = z.discriminatedUnion("kind", [
  textMessageSchema,
  systemMessageRowSchema,
  imageMessageSchema,
  locationMessageSchema,
]);
export type Message = z.infer<typeof messageSchema>;

/** What a customer or provider sends (system messages are posted only by the lifecycle's effects). */
export const sendMessageInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), clientMessageId: clientMessageIdSchema, text: messageText }),
  z.object({
    kind: z.literal("image"),
    clientMessageId: clientMessageIdSchema,
    imageFileId: idSchema,
    text: z
      .string()
      .trim()
      .max(MAX_MESSAGE_LENGTH)
      .nullish()
      .transform((v) => v || null),
  }),
  z.object({
    kind: z.literal("location"),
    clientMessageId: clientMessageIdSchema,
    lat: latitudeSchema,
    lng: longitudeSchema,
    text: z
      .string()
      .trim()
      .max(200)
      .nullish()
      .transform((v) => v || null),
  }),
]);
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;
