"use client";

import type { ChatMessage } from "@tenang/chat-client/chat-message";
import { chatImagePath } from "@tenang/chat-client/fetch-chat-api";
import { parseSystemMessage, renderSystemMessage, type SystemMessageKey } from "@tenang/booking-core/system-messages";
import { formatDateTime } from "@tenang/booking-core/time";
import { MessageBubble, SystemBubble } from "@tenang/ui/chat-bubble";
import { ChatPhoto } from "@tenang/ui/chat-photo";
import { PinIcon } from "@/components/icons";
import type { Messages } from "@/i18n/messages";
import { photoAlt } from "./chat-photo";

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

export function mapsUrl(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`;
}

/** One message of the conversation, worded in the viewer's language (system messages via booking-core). */
export function ChatMessageItem({
  message,
  own,
  authorName,
  messages: m,
  onRetry,
  onDiscard,
}: {
  message: ChatMessage;
  own: boolean;
  authorName: string | undefined;
  messages: Messages;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
}) {
  const time = formatDateTime(message.createdAt, { locale: m.locale, style: "time" }).replace(/ WITA$/, "");

  if (message.kind === "system") {
    const parsed = parseSystemMessage(message.systemKey, message.systemParams);
    if (!parsed) return null;
    const tone = GOOD.has(parsed.key) ? "good" : WARNING.has(parsed.key) ? "warning" : "neutral";
    return (
      <li data-testid="system-message" data-key={parsed.key}>
        <SystemBubble tone={tone} time={time}>
          {renderSystemMessage(parsed, { locale: m.locale })}
        </SystemBubble>
      </li>
    );
  }

  const clientId = message.clientMessageId;
  const footer =
    message.delivery === "sending" ? (
      m.chat.sending
    ) : message.delivery === "failed" && clientId ? (
      <span className="flex gap-3 text-rose-700">
        {m.chat.failed}
        <button type="button" className="font-medium underline" onClick={() => onRetry(clientId)}>
          {m.chat.retrySend}
        </button>
        <button type="button" className="underline" onClick={() => onDiscard(clientId)}>
          {m.chat.discard}
        </button>
      </span>
    ) : undefined;

  let body;
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
        <PinIcon className="size-5 shrink-0" />
        <span>
          <span className="block font-medium">{message.text || m.chat.locationPin}</span>
          <span className="text-xs opacity-80">{m.chat.openMap}</span>
        </span>
      </a>
    );
  else
    body = (
      <span className="flex flex-col gap-1.5">
        <ChatPhoto
          localImage={message.localImage}
          storedSrc={chatImagePath(message.bookingId, message.imageFileId)}
          alt={photoAlt(own, authorName, m)}
          labels={m.chat}
        />
        {message.text && <span>{message.text}</span>}
      </span>
    );

  return (
    <li data-testid={own ? "own-message" : "their-message"} data-kind={message.kind} data-delivery={message.delivery}>
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
