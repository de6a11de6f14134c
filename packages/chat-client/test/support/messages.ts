// Message fixtures for unit tests: server messages with a given sequence, and optimistic copies.
import type { Message } from "@tenang/booking-core/schemas/chat";
import type { ServerMessage } from "../../src/chat-message";

export const BOOKING_ID = "booking1";
export const CUSTOMER = { senderType: "customer", senderId: "cust1" } as const;
export const THERAPIST = { senderType: "therapist", senderId: "ther1" } as const;

const T0 = Date.UTC(2025, 10, 22, 6, 0, 0);

/** A text message with sequence `seq` (id `m<seq>`, createdAt seq seconds after a fixed instant). */
export function serverText(
  seq: number,
  overrides: Partial<Extract<ServerMessage, { kind: "text" }>> = {},
): ServerMessage {
  return {
    id: `m${seq}`,
    bookingId: BOOKING_ID,
    senderType: THERAPIST.senderType,
    senderId: THERAPIST.senderId,
    clientMessageId: null,
    createdAt: new Date(T0 + seq * 1000).toISOString(),
    kind: "text",
    text: `message ${seq}`,
    sequence: seq,
    ...overrides,
  };
}

export function localText(clientMessageId: string, text = `draft ${clientMessageId}`): Message {
  return {
    id: clientMessageId,
    bookingId: BOOKING_ID,
    senderType: CUSTOMER.senderType,
    senderId: CUSTOMER.senderId,
    clientMessageId,
    createdAt: new Date(T0).toISOString(),
    kind: "text",
    text,
  };
}

/** The server's copy of a message this device sent as `clientMessageId`. */
export function confirmed(seq: number, clientMessageId: string): ServerMessage {
  return serverText(seq, { ...CUSTOMER, clientMessageId, text: `draft ${clientMessageId}` });
}

/** A message as an Appwrite row, the way realtime events carry it. */
export function toRow(message: ServerMessage): Record<string, unknown> {
  const { id, createdAt, sequence, ...columns } = message;
  return {
    $id: id,
    $sequence: String(sequence),
    $createdAt: createdAt.replace("Z", "+00:00"),
    $updatedAt: createdAt.replace("Z", "+00:00"),
    $permissions: [],
    ...columns,
  };
}
