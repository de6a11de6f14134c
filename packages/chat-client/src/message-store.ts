// The messages of one conversation as an immutable value and the pure functions that change it. Every input path
// (a page, a realtime event, a send's response, an optimistic copy) goes through the same merge, so a message is
// held once however often and in whatever order it arrives:
//   - server messages are keyed by id; a later copy replaces an earlier one;
//   - an optimistic copy is keyed by its clientMessageId and disappears when the server's copy arrives;
//   - server messages are ordered by sequence (then createdAt, then id); optimistic copies follow, in send order;
//   - at most `cap` server messages are held: beyond it the oldest are dropped and `hasOlder` remembers that they
//     exist. Optimistic copies are never dropped.
import type { Message, SenderType } from "@tenang/booking-core/schemas/chat";
import { typedTextOf, type ChatMessage, type Delivery, type ServerMessage } from "./chat-message";

/** Most server messages held in memory per conversation. */
export const DEFAULT_MESSAGE_CAP = 500;

export interface MessageState {
  /** Server messages in order, then this device's unconfirmed ones. */
  readonly messages: readonly ChatMessage[];
  /** Older messages exist on the server that are not held (never loaded, or dropped by the cap). */
  readonly hasOlder: boolean;
  readonly cap: number;
}

type Held = ChatMessage & { sequence: number };

export function createMessageState(options: { cap?: number } = {}): MessageState {
  const cap = options.cap ?? DEFAULT_MESSAGE_CAP;
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`cap must be a positive integer, got ${cap}`);
  return { messages: [], hasOlder: false, cap };
}

function isServer(message: ChatMessage): message is Held {
  return message.sequence !== null;
}

export function compareServerMessages(a: ServerMessage, b: ServerMessage): number {
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function held(message: ServerMessage): Held {
  return { ...message, delivery: "sent" };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Only systemParams is an object; it is small and JSON-shaped.
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a copy carries nothing new, so the held object (and the array holding it) can stay as it is. */
function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  const keys = Object.keys(a) as Array<keyof ChatMessage>;
  return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
}

/** Holds `message`, keeping the existing object when the copy is identical. */
function put(server: Map<string, Held>, message: ServerMessage): void {
  const existing = server.get(message.id);
  const next = held(message);
  if (!existing || !sameMessage(existing, next)) server.set(message.id, next);
}

function split(state: MessageState): { server: Map<string, Held>; local: ChatMessage[] } {
  const server = new Map<string, Held>();
  const local: ChatMessage[] = [];
  for (const m of state.messages) {
    if (isServer(m)) server.set(m.id, m);
    else local.push(m);
  }
  return { server, local };
}

function build(state: MessageState, server: Map<string, Held>, local: ChatMessage[], hasOlder: boolean): MessageState {
  const ordered = [...server.values()].sort(compareServerMessages);
  const confirmed = new Set<string>();
  for (const m of ordered) if (m.clientMessageId !== null) confirmed.add(m.clientMessageId);
  const pending = local.filter((m) => m.clientMessageId === null || !confirmed.has(m.clientMessageId));
  const overflow = ordered.length - state.cap;
  if (overflow > 0) ordered.splice(0, overflow);
  const messages = [...ordered, ...pending];
  const nextHasOlder = hasOlder || overflow > 0;
  // Nothing changed: the same state object, so subscribers (React) need not render again.
  if (
    nextHasOlder === state.hasOlder &&
    messages.length === state.messages.length &&
    messages.every((m, i) => m === state.messages[i])
  ) {
    return state;
  }
  return { messages, hasOlder: nextHasOlder, cap: state.cap };
}

/** Messages from realtime, a send's response or a backfill: added or replaced, never removing others. */
export function receiveMessages(state: MessageState, incoming: readonly ServerMessage[]): MessageState {
  if (incoming.length === 0) return state;
  const { server, local } = split(state);
  for (const m of incoming) put(server, m);
  return build(state, server, local, state.hasOlder);
}

export type PageDirection = "latest" | "older" | "newer";

/**
 * A page from listMessages.
 * - `latest` (no cursor): the newest messages. Held messages older than the page are dropped (there may be a gap
 *   between them and the page); newer ones (arrived by realtime after the page was read) are kept.
 * - `older` (`before` cursor): `hasMore` says whether still older ones exist.
 * - `newer` (`after` cursor, i.e. backfill): merged like realtime messages.
 */
export function applyPage(
  state: MessageState,
  page: { messages: readonly ServerMessage[]; hasMore: boolean },
  direction: PageDirection,
): MessageState {
  const { server, local } = split(state);
  if (direction === "latest" && page.messages.length > 0) {
    let newest = -Infinity;
    for (const m of page.messages) newest = Math.max(newest, m.sequence);
    for (const [id, m] of server) if (m.sequence <= newest) server.delete(id);
  }
  for (const m of page.messages) put(server, m);
  const hasOlder = direction === "newer" ? state.hasOlder : page.hasMore;
  return build(state, server, local, hasOlder);
}

/** A message deleted on the server. */
export function removeMessage(state: MessageState, id: string): MessageState {
  if (!state.messages.some((m) => m.id === id && isServer(m))) return state;
  return { ...state, messages: state.messages.filter((m) => !(m.id === id && isServer(m))) };
}

/**
 * An optimistic copy of a message this device is sending (`delivery: "sending"`). It needs a clientMessageId;
 * nothing changes if the server's copy is already held. A photo's copy carries the picked file (`localImage`).
 */
export function addLocalMessage(
  state: MessageState,
  message: Message,
  options: { localImage?: Blob } = {},
): MessageState {
  const clientMessageId = message.clientMessageId;
  if (clientMessageId === null) throw new TypeError("an optimistic message needs a clientMessageId");
  if (state.messages.some((m) => isServer(m) && m.clientMessageId === clientMessageId)) return state;
  const copy: ChatMessage = {
    ...message,
    sequence: null,
    delivery: "sending",
    ...(options.localImage ? { localImage: options.localImage } : {}),
  };
  const index = state.messages.findIndex((m) => !isServer(m) && m.clientMessageId === clientMessageId);
  const messages = [...state.messages];
  if (index === -1) messages.push(copy);
  else messages[index] = copy;
  return { ...state, messages };
}

/** Marks an optimistic copy `sending` or `failed`; nothing changes if there is none (it was confirmed meanwhile). */
export function setLocalDelivery(
  state: MessageState,
  clientMessageId: string,
  delivery: Exclude<Delivery, "sent">,
): MessageState {
  const index = state.messages.findIndex((m) => !isServer(m) && m.clientMessageId === clientMessageId);
  const current = state.messages[index];
  if (!current || current.delivery === delivery) return state;
  const messages = [...state.messages];
  messages[index] = { ...current, delivery };
  return { ...state, messages };
}

/** Drops an optimistic copy (the user discarded a failed message). */
export function removeLocalMessage(state: MessageState, clientMessageId: string): MessageState {
  const messages = state.messages.filter((m) => isServer(m) || m.clientMessageId !== clientMessageId);
  return messages.length === state.messages.length ? state : { ...state, messages };
}

export function findByClientMessageId(state: MessageState, clientMessageId: string): ChatMessage | undefined {
  // The server's copy wins over a leftover optimistic one.
  return (
    state.messages.find((m) => isServer(m) && m.clientMessageId === clientMessageId) ??
    state.messages.find((m) => m.clientMessageId === clientMessageId)
  );
}

export function hasServerMessage(state: MessageState, id: string): boolean {
  return state.messages.some((m) => m.id === id && isServer(m));
}

export function serverMessages(state: MessageState): Held[] {
  return state.messages.filter(isServer);
}

export function oldestServerMessage(state: MessageState): Held | undefined {
  const first = state.messages[0];
  return first && isServer(first) ? first : undefined;
}

export function newestServerMessage(state: MessageState): Held | undefined {
  for (let i = state.messages.length - 1; i >= 0; i -= 1) {
    const m = state.messages[i];
    if (m && isServer(m)) return m;
  }
  return undefined;
}

/** Who is looking at the chat: their own messages are never unread. */
export interface ChatViewer {
  senderType: SenderType;
  senderId: string | null;
}

export function isOwnMessage(message: Message, viewer: ChatViewer): boolean {
  return message.senderType === viewer.senderType && message.senderId === viewer.senderId;
}

export interface UnreadCount {
  count: number;
  /** False when unread messages may also exist among those not held (show "50+"). */
  exact: boolean;
}

/**
 * Messages newer than the read marker (the sequence of the last message the viewer saw; null = nothing read) that
 * someone else sent. System messages count: they carry the news (a therapist was found, the therapist arrived).
 */
export function countUnread(state: MessageState, readSequence: number | null, viewer: ChatViewer): UnreadCount {
  let count = 0;
  for (const m of state.messages) {
    if (isServer(m) && (readSequence === null || m.sequence > readSequence) && !isOwnMessage(m, viewer)) count += 1;
  }
  const oldest = oldestServerMessage(state);
  const exact = !state.hasOlder || (readSequence !== null && oldest !== undefined && oldest.sequence <= readSequence);
  return { count, exact };
}

/** Lower case, no accents, single spaces: "Café  Ubud" and "cafe ubud" match. */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Held messages whose text contains every word of `query`, in conversation order. `textOf` decides what a
 * message's searchable text is (by default what a person typed; pass one that renders system messages to include
 * them).
 */
export function searchLoaded(
  state: MessageState,
  query: string,
  textOf: (message: Message) => string | null = typedTextOf,
): ChatMessage[] {
  const terms = normalizeSearchText(query).split(" ").filter(Boolean);
  if (terms.length === 0) return [];
  return state.messages.filter((m) => {
    const text = textOf(m);
    if (!text) return false;
    const normalized = normalizeSearchText(text);
    return terms.every((term) => normalized.includes(term));
  });
}
