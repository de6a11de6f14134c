// An in-memory ChatApi with the route contract's semantics (cursor pages, clientMessageId dedupe), for the session's
// unit tests on a fake clock. The integration tests run the same session against the real local server instead.
import type {
  ChatApi,
  ListMessagesInput,
  MessagePage,
  RealtimeToken,
  SendImageRequest,
  SendMessageRequest,
} from "../../src/chat-api";
import type { ServerMessage } from "../../src/chat-message";
import { BOOKING_ID, serverText } from "./messages";
import { fakeToken } from "./fake-realtime";

export class MemoryChatApi implements ChatApi {
  messages: ServerMessage[] = [];
  nextSequence = 1;
  readonly calls = {
    list: [] as ListMessagesInput[],
    send: [] as SendMessageRequest[],
    image: [] as SendImageRequest[],
    mint: 0,
    search: [] as string[],
  };
  /** Errors thrown by the next calls of each method, in order. */
  readonly faults = { list: [] as unknown[], send: [] as unknown[], mint: [] as unknown[], image: [] as unknown[] };
  /** Files stored by sendImage, as the bucket would hold them (a lost race would leave none behind either). */
  readonly files = new Map<string, Blob>();
  /** Runs after a send is stored, before it answers (e.g. to lose the response). */
  afterStore: ((message: ServerMessage) => void) | null = null;

  /** Someone else writes a message (as the route would store it). */
  add(overrides: Partial<Extract<ServerMessage, { kind: "text" }>> = {}): ServerMessage {
    const sequence = this.nextSequence++;
    const message = serverText(sequence, overrides);
    this.messages.push(message);
    return message;
  }

  addMany(n: number): ServerMessage[] {
    return Array.from({ length: n }, () => this.add());
  }

  async listMessages(input: ListMessagesInput): Promise<MessagePage> {
    this.calls.list.push(input);
    const fault = this.faults.list.shift();
    if (fault) throw fault;
    const all = this.messages.filter((m) => m.bookingId === input.bookingId);
    if (input.after !== undefined) {
      const i = all.findIndex((m) => m.id === input.after);
      if (i === -1) throw Object.assign(new Error("cursor not found"), { status: 400 });
      const rest = all.slice(i + 1);
      return { messages: rest.slice(0, input.limit), hasMore: rest.length > input.limit };
    }
    const end = input.before === undefined ? all.length : all.findIndex((m) => m.id === input.before);
    if (end === -1) throw Object.assign(new Error("cursor not found"), { status: 400 });
    const start = Math.max(0, end - input.limit);
    return { messages: all.slice(start, end), hasMore: start > 0 };
  }

  async sendMessage(input: SendMessageRequest): Promise<ServerMessage> {
    this.calls.send.push(input);
    const fault = this.faults.send.shift();
    if (fault) throw fault;
    const existing = this.messages.find((m) => m.clientMessageId === input.clientMessageId);
    if (existing) return existing;
    if (input.kind !== "text") throw new Error("text only in this double");
    const stored = this.add({
      senderType: "customer",
      senderId: "cust1",
      clientMessageId: input.clientMessageId,
      text: input.text,
    });
    this.afterStore?.(stored);
    return stored;
  }

  async sendImage(input: SendImageRequest): Promise<ServerMessage> {
    this.calls.image.push(input);
    const fault = this.faults.image.shift();
    if (fault) throw fault;
    const existing = this.messages.find((m) => m.clientMessageId === input.clientMessageId);
    if (existing) return existing;
    const sequence = this.nextSequence++;
    const imageFileId = `file-${sequence}`;
    this.files.set(imageFileId, input.file);
    const { id, bookingId, senderType, senderId, clientMessageId, createdAt } = serverText(sequence, {
      senderType: "customer",
      senderId: "cust1",
      clientMessageId: input.clientMessageId,
    });
    const base = { id, bookingId, senderType, senderId, clientMessageId, createdAt, sequence };
    const stored: ServerMessage = { ...base, kind: "image", imageFileId, text: input.text };
    this.messages.push(stored);
    this.afterStore?.(stored);
    return stored;
  }

  async mintRealtimeToken(): Promise<RealtimeToken> {
    this.calls.mint += 1;
    const fault = this.faults.mint.shift();
    if (fault) throw fault;
    return fakeToken(this.calls.mint, Date.now());
  }

  async searchMessages(input: { bookingId: string; query: string }): Promise<ServerMessage[]> {
    this.calls.search.push(input.query);
    return this.messages.filter(
      (m) =>
        m.bookingId === input.bookingId &&
        m.kind === "text" &&
        m.text.toLowerCase().includes(input.query.toLowerCase()),
    );
  }
}

export const unavailable = () => Object.assign(new Error("Service Unavailable"), { status: 503 });
export { BOOKING_ID };
