// A chat message as the client holds it: booking-core's Message plus the server's ordering key and a delivery state.
// Messages reach the browser in two shapes, both parsed here with booking-core's messageSchema (one set of rules):
// the route handlers' JSON (`id`, `createdAt`, `sequence`) and raw Appwrite rows in realtime events (`$id`,
// `$createdAt`, `$sequence` as a string). An app's message repository may use messageFromRow too.
import { messageSchema, type Message } from "@tenang/booking-core/schemas/chat";

/** `sending`/`failed` exist only on this device (optimistic copies); everything from the server is `sent`. */
export type Delivery = "sending" | "sent" | "failed";

/** A stored message: `sequence` is Appwrite's `$sequence`, increasing in insertion order. */
export type ServerMessage = Message & { sequence: number };

/**
 * What the UI renders. Optimistic copies have `sequence: null` and `id` equal to their clientMessageId; an optimistic
 * photo also carries the picked file as `localImage` (its `imageFileId` means nothing until the server's copy
 * replaces it), so the UI can show it before it is stored.
 */
export type ChatMessage = Message & { sequence: number | null; delivery: Delivery; localImage?: Blob };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseSequence(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}

/** A message as the route handlers send it (Message JSON + `sequence`), or null when it does not fit the schema. */
export function parseServerMessage(value: unknown): ServerMessage | null {
  if (!isRecord(value)) return null;
  const sequence = parseSequence(value.sequence);
  if (sequence === null) return null;
  const parsed = messageSchema.safeParse(value);
  return parsed.success ? { ...parsed.data, sequence } : null;
}

/** A `messages` row (Appwrite row JSON, e.g. a realtime payload) as a message, or null when it is not one. */
export function messageFromRow(row: unknown): ServerMessage | null {
  if (!isRecord(row)) return null;
  return parseServerMessage({ ...row, id: row.$id, createdAt: row.$createdAt, sequence: row.$sequence });
}

/** The words of a message a person typed (text, or the caption of an image or location); null for system ones. */
export function typedTextOf(message: Message): string | null {
  return message.kind === "system" ? null : message.text;
}
