// One open conversation: the message store, the realtime transport and the app's ChatApi tied together, observable
// with subscribe()/getSnapshot() (the useSyncExternalStore shape) and with nothing left running after close().
//
// Sync. Every (re)connection, a short settle delay later, and periodically, the session asks the server for what
// came after its watermark: the newest message it got from a server page. Realtime messages do not move the
// watermark, because an event that arrives right after a reconnect says nothing about the messages before it; so a
// backfill always covers the whole gap, and the store's dedupe makes overlaps harmless. The settle pass is there
// because the SDK reports a socket open before the server has registered its subscription.
//
// Staleness. A message found by a sync (periodic or not) while the socket has been open for STALE_GRACE, which
// realtime still has not delivered STALE_GRACE later, means the socket is open but dead: the transport reconnects.
//
// Sending is optimistic: the copy shows at once as `sending`, the request is retried on network errors, 429 and 5xx
// (booking-core's withRetry) with the same clientMessageId each time, so the server stores it once; when retries
// run out the copy is `failed` until retry() or discard(). Photos go the same way through the ChatApi's sendImage
// (one upload request that stores the file and the message): the optimistic copy shows the picked file itself, and
// a retry uploads it again under the same clientMessageId, which the server stores once.
import { DomainError } from "@tenang/booking-core/errors";
import { parseOrThrow } from "@tenang/booking-core/validation";
import {
  MAX_CHAT_IMAGE_BYTES,
  sendMessageInputSchema,
  type Message,
  type SendMessageInput,
} from "@tenang/booking-core/schemas/chat";
import { createIdempotencyKey } from "@tenang/booking-core/idempotency";
import { defaultRetryPolicy, httpStatusOf, withRetry, type RetryPolicy } from "@tenang/booking-core/retry";
import type { Locale } from "@tenang/booking-core/locale";
import { DEFAULT_PAGE_SIZE, type ChatApi, type MessagePage, type SendImageRequest } from "./chat-api";
import { typedTextOf, type ChatMessage, type ServerMessage } from "./chat-message";
import {
  addLocalMessage,
  applyPage,
  compareServerMessages,
  countUnread,
  createMessageState,
  DEFAULT_MESSAGE_CAP,
  findByClientMessageId,
  hasServerMessage,
  newestServerMessage,
  oldestServerMessage,
  receiveMessages,
  removeLocalMessage,
  removeMessage,
  searchLoaded,
  serverMessages,
  setLocalDelivery,
  type ChatViewer,
  type MessageState,
  type PageDirection,
  type UnreadCount,
} from "./message-store";
import {
  createRealtimeTransport,
  type RealtimeChange,
  type RealtimeStatus,
  type RealtimeTransport,
  type RealtimeTransportOptions,
} from "./realtime";
import { sleepOn, systemTimers, type Timers } from "./timers";

/** After a connection opens, sync once more this much later (the server registers the subscription after open). */
export const DEFAULT_SETTLE_SYNC_MS = 1_500;
/** Sync this often while open: a safety net for silent drops, and the only source when realtime is off. */
export const DEFAULT_SYNC_INTERVAL_MS = 30_000;
/** A message realtime has not delivered this long after a sync found it marks the socket as stale. */
export const DEFAULT_STALE_GRACE_MS = 5_000;

// The largest photo the server accepts (booking-core's); checked here too, so a phone does not upload megabytes only
// to be refused.
export { MAX_CHAT_IMAGE_BYTES };
/** Types the server accepts (by the file's bytes; a device's declared type is only a first check). */
export const CHAT_IMAGE_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/webp"];
/** The `imageFileId` of an optimistic photo: the file has no id until the server has stored it. */
export const PENDING_IMAGE_FILE_ID = "pending-upload";

/** Why sendImage refused a file before sending it (DomainError `details.problem`; the server uses the same words). */
export type ImageRefusal = "image_missing" | "image_too_large" | "image_type_unsupported";

export interface ImageDraft {
  file: Blob;
  /** The file's name on the device; a File's own name when left out. */
  fileName?: string;
  text?: string | null;
}

export type SendDraft =
  | { kind: "text"; text: string }
  | { kind: "image"; imageFileId: string; text?: string | null }
  | { kind: "location"; lat: number; lng: number; text?: string | null };

export type SendOutcome =
  { ok: true; clientMessageId: string; message: ChatMessage } | { ok: false; clientMessageId: string; error: unknown };

export type ConnectionStatus = RealtimeStatus | "disabled";

export interface ChatSnapshot {
  /** `error`: the last sync failed (see `error`); the session keeps trying on every trigger. */
  status: "idle" | "loading" | "ready" | "error" | "closed";
  connection: ConnectionStatus;
  /** Oldest first; this device's unconfirmed messages last. */
  messages: readonly ChatMessage[];
  /** Older messages exist than those held. */
  hasOlder: boolean;
  /** hasOlder, and the cap leaves room to load them (beyond it, older history is reachable through search). */
  canLoadOlder: boolean;
  loadingOlder: boolean;
  unread: UnreadCount;
  readMarker: number | null;
  error: unknown;
}

export interface SearchResult {
  /** Conversation order. */
  messages: ChatMessage[];
  /** False when only loaded messages were searched and older ones exist. */
  complete: boolean;
}

export type SessionRealtimeOptions = Pick<
  RealtimeTransportOptions,
  "tableId" | "refreshMarginMs" | "reconnectDelaysMs" | "handoverMs" | "random" | "createRealtime" | "connection"
>;

export interface ChatSessionOptions {
  api: ChatApi;
  bookingId: string;
  viewer: ChatViewer;
  pageSize?: number;
  cap?: number;
  /** Sequence of the last message this viewer has read (persisted by the app), null if none. */
  readMarker?: number | null;
  /** Called when markRead() moves the marker, for the app to persist it. */
  onReadMarkerChange?: (sequence: number) => void;
  retryPolicy?: RetryPolicy;
  /** `false` runs without realtime (periodic sync only). */
  realtime?: SessionRealtimeOptions | false;
  settleSyncMs?: number;
  syncIntervalMs?: number;
  staleGraceMs?: number;
  timers?: Timers;
  /** Language of validation messages thrown by send(). */
  locale?: Locale;
  createClientMessageId?: () => string;
  /** Searchable text of a message (default: what a person typed). */
  textOf?: (message: Message) => string | null;
}

type Listener = () => void;

/** A send not yet confirmed, kept so retry() repeats exactly the same request. */
type Outgoing =
  { kind: "message"; input: SendMessageInput } | { kind: "image"; request: Omit<SendImageRequest, "bookingId"> };

function refuseImage(problem: ImageRefusal, message: string): DomainError {
  return new DomainError("validation_failed", message, { details: { problem } });
}

function fileNameOf(file: Blob): string {
  const name = (file as Partial<File>).name;
  return typeof name === "string" && name.length > 0 ? name : "photo";
}

function buildLocalMessage(input: SendMessageInput, base: Omit<Message, "kind">): Message {
  switch (input.kind) {
    case "text":
      return { ...base, kind: "text", text: input.text };
    case "image":
      return { ...base, kind: "image", imageFileId: input.imageFileId, text: input.text };
    case "location":
      return { ...base, kind: "location", lat: input.lat, lng: input.lng, text: input.text };
  }
}

export class ChatSession {
  private readonly api: ChatApi;
  private readonly bookingId: string;
  private readonly viewer: ChatViewer;
  private readonly pageSize: number;
  private readonly timers: Timers;
  private readonly retryPolicy: RetryPolicy;
  private readonly settleSyncMs: number;
  private readonly syncIntervalMs: number;
  private readonly staleGraceMs: number;
  private readonly options: ChatSessionOptions;
  private readonly transport: RealtimeTransport | null;
  private readonly listeners = new Set<Listener>();
  private readonly aborter = new AbortController();
  private readonly scheduled = new Set<unknown>();
  /** The sends not yet confirmed, by clientMessageId, so retry() resends exactly the same request. */
  private readonly outbox = new Map<string, Outgoing>();
  /** Message ids a sync found that realtime had not delivered, though the socket had been open a while. */
  private readonly undelivered = new Set<string>();

  private state: MessageState;
  private status: ChatSnapshot["status"] = "idle";
  private connection: ConnectionStatus;
  private error: unknown = null;
  private readMarker: number | null;
  private loadingOlder = false;
  /** The newest message received in a server page: backfill starts after it. */
  private watermark: ServerMessage | null = null;
  private liveSince: number | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private opening: Promise<void> | null = null;
  private closed = false;
  private cancelSettle: (() => void) | null = null;
  private cancelStaleCheck: (() => void) | null = null;
  private snapshot: ChatSnapshot;

  constructor(options: ChatSessionOptions) {
    this.options = options;
    this.api = options.api;
    this.bookingId = options.bookingId;
    this.viewer = options.viewer;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.timers = options.timers ?? systemTimers;
    this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.settleSyncMs = options.settleSyncMs ?? DEFAULT_SETTLE_SYNC_MS;
    this.syncIntervalMs = options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
    this.staleGraceMs = options.staleGraceMs ?? DEFAULT_STALE_GRACE_MS;
    this.readMarker = options.readMarker ?? null;
    this.state = createMessageState({ cap: options.cap ?? DEFAULT_MESSAGE_CAP });
    this.transport =
      options.realtime === false
        ? null
        : createRealtimeTransport({
            ...options.realtime,
            api: this.api,
            bookingId: this.bookingId,
            timers: this.timers,
            onChange: (change) => this.onRealtimeChange(change),
            onOpen: () => this.onRealtimeOpen(),
            onStatus: (status) => this.onRealtimeStatus(status),
          });
    this.connection = this.transport ? "idle" : "disabled";
    this.snapshot = this.buildSnapshot();
  }

  // ---- observing ----

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  private buildSnapshot(): ChatSnapshot {
    const hasOlder = this.state.hasOlder;
    return {
      status: this.status,
      connection: this.connection,
      messages: this.state.messages,
      hasOlder,
      canLoadOlder: hasOlder && serverMessages(this.state).length < this.state.cap,
      loadingOlder: this.loadingOlder,
      unread: countUnread(this.state, this.readMarker, this.viewer),
      readMarker: this.readMarker,
      error: this.error,
    };
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of [...this.listeners]) listener();
  }

  private setState(next: MessageState): void {
    if (next === this.state) return;
    this.state = next;
    // A server copy confirms a send, whichever path it came by.
    for (const clientMessageId of this.outbox.keys()) {
      const held = findByClientMessageId(next, clientMessageId);
      if (held?.delivery === "sent") this.outbox.delete(clientMessageId);
    }
    this.emit();
  }

  // ---- timers ----

  private later(ms: number, run: () => void): () => void {
    const handle = this.timers.setTimeout(() => {
      this.scheduled.delete(handle);
      run();
    }, ms);
    this.scheduled.add(handle);
    return () => {
      this.timers.clearTimeout(handle);
      this.scheduled.delete(handle);
    };
  }

  private schedulePoll(): void {
    if (this.closed) return;
    this.later(this.syncIntervalMs, () => {
      void this.requestSync().finally(() => this.schedulePoll());
    });
  }

  // ---- calls ----

  private call<T>(operation: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    return withRetry((_attempt, signal) => operation(signal), {
      policy: this.retryPolicy,
      signal: this.aborter.signal,
      sleep: sleepOn(this.timers),
    });
  }

  private list(input: { before?: string; after?: string }): Promise<MessagePage> {
    return this.call((signal) =>
      this.api.listMessages({ bookingId: this.bookingId, limit: this.pageSize, ...input }, { signal }),
    );
  }

  private applyServerPage(page: MessagePage, direction: PageDirection): void {
    if (direction !== "older") {
      this.watchForUndelivered(page.messages);
      const newest = page.messages.at(-1);
      if (newest && (!this.watermark || compareServerMessages(newest, this.watermark) > 0)) this.watermark = newest;
    }
    this.setState(applyPage(this.state, page, direction));
  }

  // ---- lifecycle ----

  /**
   * Loads the newest page and connects realtime; resolves when both have been tried. A failure does not reject: it
   * shows as `status: "error"` (loading) or `connection: "reconnecting"` (realtime), and is retried. Rejects only
   * after close().
   */
  open(): Promise<void> {
    if (this.closed) return Promise.reject(new Error("chat session is closed"));
    this.opening ??= (async () => {
      this.status = "loading";
      this.emit();
      const started = this.transport?.start();
      await this.requestSync();
      await started;
      this.schedulePoll();
    })();
    return this.opening;
  }

  /** Everything stops: sockets closed, timers cancelled, requests aborted, listeners dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.aborter.abort(new DOMException("chat closed", "AbortError"));
    for (const handle of this.scheduled) this.timers.clearTimeout(handle);
    this.scheduled.clear();
    await this.transport?.stop();
    this.status = "closed";
    this.connection = this.transport ? "stopped" : "disabled";
    this.emit();
    this.listeners.clear();
  }

  /** Sync now and, if realtime is waiting to reconnect, reconnect now (wire to `online`/`visibilitychange`). */
  resync(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.transport?.status === "reconnecting") this.transport.reconnect();
    return this.requestSync();
  }

  // ---- sync ----

  /** Runs a sync, or joins the running one and makes it run once more (coalesced). */
  private requestSync(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          await this.syncOnce();
        } while (this.syncAgain);
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.watermark) await this.loadLatest();
      else await this.backfill(this.watermark);
      if (this.status !== "ready" || this.error !== null) {
        this.status = "ready";
        this.error = null;
        this.emit();
      }
    } catch (error) {
      if (this.closed) return;
      this.status = "error";
      this.error = error;
      this.emit();
    }
  }

  private async loadLatest(): Promise<void> {
    const page = await this.list({});
    if (!this.closed) this.applyServerPage(page, "latest");
  }

  private async backfill(from: ServerMessage): Promise<void> {
    let cursor = from;
    // Past a cap's worth of missed messages, the newest page is all that will be held anyway.
    const maxPages = Math.ceil(this.state.cap / this.pageSize);
    for (let pages = 0; ; pages += 1) {
      if (pages >= maxPages) {
        await this.loadLatest();
        return;
      }
      let page: MessagePage;
      try {
        page = await this.list({ after: cursor.id });
      } catch (error) {
        // The cursor message is gone (deleted): start again from the newest page.
        const status = httpStatusOf(error);
        if (status === 400 || status === 404) {
          this.watermark = null;
          await this.loadLatest();
          return;
        }
        throw error;
      }
      if (this.closed) return;
      this.applyServerPage(page, "newer");
      const last = page.messages.at(-1);
      if (!page.hasMore || !last) return;
      cursor = last;
    }
  }

  // ---- realtime ----

  private onRealtimeChange(change: RealtimeChange): void {
    if (this.closed) return;
    if (change.type === "delete") {
      this.setState(removeMessage(this.state, change.id));
      return;
    }
    this.undelivered.delete(change.message.id);
    this.setState(receiveMessages(this.state, [change.message]));
  }

  private onRealtimeOpen(): void {
    if (this.closed) return;
    this.liveSince = this.timers.now();
    void this.requestSync();
    this.cancelSettle?.();
    this.cancelSettle = this.later(this.settleSyncMs, () => {
      this.cancelSettle = null;
      void this.requestSync();
    });
  }

  private onRealtimeStatus(status: RealtimeStatus): void {
    if (this.closed) return;
    if (status !== "live") this.liveSince = null;
    this.connection = status;
    this.emit();
  }

  /**
   * A sync found messages realtime had not delivered. Right after a (re)connect that is expected (they were sent
   * while no socket listened); once the socket has been open for STALE_GRACE, realtime should have had them, so
   * if it still has not delivered them STALE_GRACE later, the socket is dead.
   */
  private watchForUndelivered(messages: readonly ServerMessage[]): void {
    const since = this.liveSince;
    if (since === null || this.timers.now() - since < this.staleGraceMs) return;
    for (const m of messages) if (!hasServerMessage(this.state, m.id)) this.undelivered.add(m.id);
    if (this.undelivered.size === 0 || this.cancelStaleCheck) return;
    this.cancelStaleCheck = this.later(this.staleGraceMs, () => {
      this.cancelStaleCheck = null;
      const stale = this.undelivered.size > 0 && this.liveSince === since;
      this.undelivered.clear();
      if (stale) this.transport?.reconnect();
    });
  }

  // ---- history ----

  /** Loads the page before the oldest held message. False when there is nothing (more) to load or it failed. */
  async loadOlder(): Promise<boolean> {
    const oldest = oldestServerMessage(this.state);
    if (this.closed || this.loadingOlder || !this.snapshot.canLoadOlder || !oldest) return false;
    this.loadingOlder = true;
    this.emit();
    try {
      const page = await this.list({ before: oldest.id });
      if (this.closed) return false;
      this.applyServerPage(page, "older");
      return true;
    } catch (error) {
      if (!this.closed) this.error = error;
      return false;
    } finally {
      this.loadingOlder = false;
      if (!this.closed) this.emit();
    }
  }

  // ---- sending ----

  /**
   * Shows the message at once and sends it. Throws a DomainError("validation_failed") for input the server would
   * refuse (empty, too long); otherwise the promise never rejects and says how it ended.
   */
  send(draft: SendDraft): Promise<SendOutcome> {
    if (this.closed) throw new Error("chat session is closed");
    const clientMessageId = (this.options.createClientMessageId ?? createIdempotencyKey)();
    const input = parseOrThrow(sendMessageInputSchema, { ...draft, clientMessageId }, this.options.locale ?? "en");
    const local = buildLocalMessage(input, {
      id: clientMessageId,
      bookingId: this.bookingId,
      senderType: this.viewer.senderType,
      senderId: this.viewer.senderId,
      clientMessageId,
      createdAt: new Date(this.timers.now()).toISOString(),
    });
    const outgoing: Outgoing = { kind: "message", input };
    this.outbox.set(clientMessageId, outgoing);
    this.setState(addLocalMessage(this.state, local));
    return this.deliver(clientMessageId, outgoing);
  }

  /**
   * Shows the photo at once (the message's `localImage`) and uploads it. Throws a DomainError("validation_failed")
   * with `details.problem` for a file the server would refuse by its size or declared type, and for a caption that
   * is too long; the server still judges the bytes. Otherwise like send(): the promise never rejects.
   */
  sendImage(draft: ImageDraft): Promise<SendOutcome> {
    if (this.closed) throw new Error("chat session is closed");
    if (!this.api.sendImage) throw new Error("this ChatApi cannot send photos");
    const { file } = draft;
    if (file.size === 0) throw refuseImage("image_missing", "the photo is empty");
    if (file.size > MAX_CHAT_IMAGE_BYTES) throw refuseImage("image_too_large", "the photo is larger than 5 MB");
    if (file.type !== "" && !CHAT_IMAGE_TYPES.includes(file.type)) {
      throw refuseImage("image_type_unsupported", `photos are JPEG, PNG or WebP, not ${file.type}`);
    }
    const clientMessageId = (this.options.createClientMessageId ?? createIdempotencyKey)();
    // booking-core's schema checks the id and the caption, as for every other message.
    const input = parseOrThrow(
      sendMessageInputSchema,
      { kind: "image", clientMessageId, imageFileId: PENDING_IMAGE_FILE_ID, text: draft.text },
      this.options.locale ?? "en",
    );
    const local = buildLocalMessage(input, {
      id: clientMessageId,
      bookingId: this.bookingId,
      senderType: this.viewer.senderType,
      senderId: this.viewer.senderId,
      clientMessageId,
      createdAt: new Date(this.timers.now()).toISOString(),
    });
    const outgoing: Outgoing = {
      kind: "image",
      request: {
        clientMessageId,
        file,
        fileName: draft.fileName ?? fileNameOf(file),
        text: local.kind === "image" ? local.text : null,
      },
    };
    this.outbox.set(clientMessageId, outgoing);
    this.setState(addLocalMessage(this.state, local, { localImage: file }));
    return this.deliver(clientMessageId, outgoing);
  }

  /** Sends a failed message again, with the same clientMessageId. */
  retry(clientMessageId: string): Promise<SendOutcome> {
    const held = findByClientMessageId(this.state, clientMessageId);
    if (held?.delivery === "sent") return Promise.resolve({ ok: true, clientMessageId, message: held });
    const outgoing = this.outbox.get(clientMessageId);
    if (this.closed || !outgoing || held?.delivery !== "failed") {
      return Promise.resolve({ ok: false, clientMessageId, error: new Error("no failed message to retry") });
    }
    this.setState(setLocalDelivery(this.state, clientMessageId, "sending"));
    return this.deliver(clientMessageId, outgoing);
  }

  /** Removes a failed message this device could not send. */
  discard(clientMessageId: string): void {
    const held = findByClientMessageId(this.state, clientMessageId);
    if (held?.delivery !== "failed") return;
    this.outbox.delete(clientMessageId);
    this.setState(removeLocalMessage(this.state, clientMessageId));
  }

  private post(outgoing: Outgoing, signal: AbortSignal | undefined): Promise<ServerMessage> {
    if (outgoing.kind === "message") {
      return this.api.sendMessage({ ...outgoing.input, bookingId: this.bookingId }, { signal });
    }
    if (!this.api.sendImage) throw new Error("this ChatApi cannot send photos");
    return this.api.sendImage({ ...outgoing.request, bookingId: this.bookingId }, { signal });
  }

  private async deliver(clientMessageId: string, outgoing: Outgoing): Promise<SendOutcome> {
    try {
      const stored = await this.call((signal) => this.post(outgoing, signal));
      if (!this.closed) this.setState(receiveMessages(this.state, [stored]));
      const message = findByClientMessageId(this.state, clientMessageId) ?? { ...stored, delivery: "sent" };
      return { ok: true, clientMessageId, message };
    } catch (error) {
      if (!this.closed) this.setState(setLocalDelivery(this.state, clientMessageId, "failed"));
      return { ok: false, clientMessageId, error };
    }
  }

  // ---- reading ----

  /** Marks everything held as read. */
  markRead(): void {
    const newest = newestServerMessage(this.state);
    if (this.closed || !newest || (this.readMarker !== null && newest.sequence <= this.readMarker)) return;
    this.readMarker = newest.sequence;
    this.emit();
    this.options.onReadMarkerChange?.(newest.sequence);
  }

  /**
   * Messages containing every word of `query`: the loaded ones at once, plus the server's results when the ChatApi
   * can search (older history included).
   */
  async search(query: string): Promise<SearchResult> {
    const textOf = this.options.textOf ?? typedTextOf;
    const local = searchLoaded(this.state, query, textOf);
    if (!this.api.searchMessages || query.trim() === "" || this.closed) {
      return { messages: local, complete: !this.state.hasOlder };
    }
    const api = this.api.searchMessages.bind(this.api);
    const remote = await this.call((signal) => api({ bookingId: this.bookingId, query }, { signal }));
    const byId = new Map<string, ChatMessage>();
    for (const m of remote) byId.set(m.id, { ...m, delivery: "sent" });
    const pending: ChatMessage[] = [];
    for (const m of local) {
      if (m.sequence === null) pending.push(m);
      else byId.set(m.id, m);
    }
    const found = [...byId.values()] as Array<ChatMessage & { sequence: number }>;
    return { messages: [...found.sort(compareServerMessages), ...pending], complete: true };
  }
}

export function createChatSession(options: ChatSessionOptions): ChatSession {
  return new ChatSession(options);
}
