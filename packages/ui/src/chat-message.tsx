"use client";

// One message of a booking chat as both apps show it: Tenang's own (system) messages worded in the viewer's
// language by booking-core, and a person's text, photo or map pin in a bubble with its delivery state. Texts, the
// time and the photo's address come in as props, so each app words them itself and this package stays free of the
// chat client.
import type { Locale } from "@tenang/booking-core/locale";
import { mapsUrl } from "@tenang/booking-core/maps-url";
import type { Message } from "@tenang/booking-core/schemas/chat";
import { parseSystemMessage, renderSystemMessage, type SystemMessageKey } from "@tenang/booking-core/system-messages";
import type { ReactNode } from "react";
import { MessageBubble, SystemBubble } from "./chat-bubble";
import { ChatPhoto, type ChatPhotoLabels } from "./chat-photo";

/** A message as a chat shows it: stored (`sent`) or this device's optimistic copy, with the picked photo. */
export type ShownMessage = Message & { delivery: "sending" | "sent" | "failed"; localImage?: Blob | undefined };

export interface ChatMessageLabels extends ChatPhotoLabels {
  sending: string;
  /** Under a message that did not reach the server. */
  failed: string;
  /** The retry button's text; without it the `failed` text itself is the retry button. */
  retrySend?: string;
  discard: string;
  /** A shared pin's title when it has no caption. */
  locationPin: string;
  openMap: string;
  photoAltOwn: string;
  photoAltFrom: (name: string) => string;
  /** The alt text of someone else's photo when their name is not known. */
  image: string;
}

export interface ChatMessageItemProps {
  message: ShownMessage;
  /** The viewer wrote it: on the right, no author line. */
  own: boolean;
  /** Who wrote someone else's message, shown above it and in its photo's alt text. */
  authorName?: string | undefined;
  /** The viewer's language, for system messages. */
  locale: Locale;
  /** When it was written, formatted by the app; shown once the message is sent. */
  time: string;
  /** Where a stored photo is read from (the app's route that checks the viewer). */
  photoPath: (bookingId: string, imageFileId: string) => string;
  labels: ChatMessageLabels;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
}

const GOOD: ReadonlySet<SystemMessageKey> = new Set([
  "therapist_found",
  "confirmed_immediate",
  "confirmed_place",
  "confirmed_scheduled",
  "arrived",
  "session_started",
  "completed",
]);
const WARNING: ReadonlySet<SystemMessageKey> = new Set([
  "delayed",
  "expired_no_therapist",
  "expired_no_response",
  "expired_provider_declined",
  "expired_customer_no_response",
  "cancelled_by_therapist",
  "cancelled_by_place",
  "cancelled_by_admin",
  "cancelled_by_system",
]);

function toneOf(key: SystemMessageKey): "good" | "warning" | "neutral" {
  return GOOD.has(key) ? "good" : WARNING.has(key) ? "warning" : "neutral";
}

function PinIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0 fill-none stroke-current" strokeWidth="2">
      <path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z" strokeLinejoin="round" />
      <circle cx="12" cy="9.5" r="2.5" />
    </svg>
  );
}

/**
 * A `li` of the conversation. Test hooks: `system-message` (with `data-key`) for Tenang's messages, `chat-message`
 * (with `data-own`, `data-kind`, `data-delivery`) for a person's.
 */
export function ChatMessageItem({
  message,
  own,
  authorName,
  locale,
  time,
  photoPath,
  labels,
  onRetry,
  onDiscard,
}: ChatMessageItemProps) {
  if (message.kind === "system") {
    const parsed = parseSystemMessage(message.systemKey, message.systemParams);
    // A key this build does not know (a newer server) is left out rather than shown as an empty bubble.
    if (!parsed) return null;
    return (
      <li data-testid="system-message" data-key={parsed.key}>
        <SystemBubble tone={toneOf(parsed.key)} time={time}>
          {renderSystemMessage(parsed, { locale })}
        </SystemBubble>
      </li>
    );
  }

  const clientId = message.clientMessageId;
  const footer =
    message.delivery === "sending" ? (
      labels.sending
    ) : message.delivery === "failed" && clientId ? (
      <span className="flex gap-3 text-rose-700">
        {labels.retrySend === undefined ? (
          <button type="button" className="underline" onClick={() => onRetry(clientId)}>
            {labels.failed}
          </button>
        ) : (
          <>
            {labels.failed}
            <button type="button" className="font-medium underline" onClick={() => onRetry(clientId)}>
              {labels.retrySend}
            </button>
          </>
        )}
        <button type="button" className="underline" onClick={() => onDiscard(clientId)}>
          {labels.discard}
        </button>
      </span>
    ) : undefined;

  let body: ReactNode;
  if (message.kind === "text") body = message.text;
  else if (message.kind === "location")
    body = (
      <a
        href={mapsUrl(message.lat, message.lng)}
        target="_blank"
        rel="noopener noreferrer"
        className="flex items-center gap-2 underline-offset-2 hover:underline"
        data-testid="location-link"
      >
        <PinIcon />
        <span>
          <span className="block font-medium">{message.text || labels.locationPin}</span>
          <span className="text-xs opacity-80">{labels.openMap}</span>
        </span>
      </a>
    );
  else
    body = (
      <span className="flex flex-col gap-1.5">
        <ChatPhoto
          localImage={message.localImage}
          storedSrc={photoPath(message.bookingId, message.imageFileId)}
          alt={own ? labels.photoAltOwn : authorName ? labels.photoAltFrom(authorName) : labels.image}
          labels={labels}
        />
        {message.text && <span>{message.text}</span>}
      </span>
    );

  return (
    <li data-testid="chat-message" data-own={own} data-kind={message.kind} data-delivery={message.delivery}>
      <MessageBubble
        own={own}
        author={own ? undefined : authorName}
        time={message.delivery === "sent" ? time : undefined}
        footer={footer}
        pending={message.delivery === "sending"}
      >
        {body}
      </MessageBubble>
    </li>
  );
}
