"use client";

import { chatImagePath } from "@tenang/chat-client/fetch-chat-api";
import { useChatSession } from "@tenang/chat-client/react";
import type { ChatMessage } from "@tenang/chat-client/chat-message";
import type { Locale } from "@tenang/booking-core/locale";
import { parseSystemMessage, renderSystemMessage } from "@tenang/booking-core/system-messages";
import { isDomainError } from "@tenang/booking-core/errors";
import { httpStatusOf, isRetryableError } from "@tenang/booking-core/retry";
import { Button } from "@tenang/ui/button";
import { MessageBubble, SystemBubble } from "@tenang/ui/chat-bubble";
import { ChatPhoto } from "@tenang/ui/chat-photo";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useFormat, useLocale, useMessages } from "@/i18n/locale-context";
import type { Messages } from "@/i18n/messages";
import { mapsUrl, photoErrorText, PhotoIcon, PinIcon } from "./chat-photo";

export interface BookingChatProps {
  bookingId: string;
  therapistId: string;
  customerName: string;
  /** Whether the therapist may write now (the room is active); otherwise the history is read-only. */
  canWrite: boolean;
}

function systemText(message: ChatMessage, locale: Locale): string {
  if (message.kind !== "system") return "";
  const parsed = parseSystemMessage(message.systemKey, message.systemParams);
  // System messages are stored once and rendered per viewer, in the therapist's language.
  return parsed ? renderSystemMessage(parsed, { locale }) : "";
}

function bodyOf(message: ChatMessage, own: boolean, customerName: string, t: Messages["chat"]): ReactNode {
  switch (message.kind) {
    case "text":
      return message.text;
    case "system":
      return null;
    case "image":
      return (
        <span className="flex flex-col gap-1.5">
          <ChatPhoto
            localImage={message.localImage}
            storedSrc={chatImagePath(message.bookingId, message.imageFileId)}
            alt={own ? t.photoAltOwn : t.photoAltFrom(customerName)}
            labels={t}
          />
          {message.text && <span>{message.text}</span>}
        </span>
      );
    case "location":
      return (
        <a
          href={mapsUrl(message.lat, message.lng)}
          target="_blank"
          rel="noopener noreferrer"
          className="flex items-center gap-2 underline-offset-2 hover:underline"
          data-testid="location-link"
        >
          <PinIcon className="size-5 shrink-0" />
          <span>
            <span className="block font-medium">{message.text || t.locationPin}</span>
            <span className="text-xs opacity-80">{t.openMap}</span>
          </span>
        </a>
      );
  }
}

/** The booking's chat with the customer, through @tenang/chat-client (realtime, backfill, optimistic send). */
export function BookingChat({ bookingId, therapistId, customerName, canWrite }: BookingChatProps) {
  const m = useMessages().chat;
  const locale = useLocale();
  const { when } = useFormat();
  const { session, snapshot: chat } = useChatSession({
    bookingId,
    viewer: { senderType: "therapist", senderId: therapistId },
    locale,
  });
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const count = chat.messages.length;
  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [count]);

  function onSend(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text || !session) return;
    try {
      void session.send({ kind: "text", text });
      setDraft("");
      setError(null);
    } catch (err) {
      setError(isDomainError(err) ? (err.issues[0]?.message ?? err.message) : m.failed);
    }
  }

  function onPhoto(file: File) {
    if (!session) return;
    setError(null);
    try {
      void session.sendImage({ file }).then((outcome) => {
        // A refused file says why here; a dropped connection shows on the photo itself, with a retry.
        if (!outcome.ok && httpStatusOf(outcome.error) !== undefined && !isRetryableError(outcome.error)) {
          setError(photoErrorText(outcome.error, m));
        }
      });
    } catch (err) {
      setError(photoErrorText(err, m));
    }
  }

  return (
    <div className="flex flex-col gap-3" data-testid="chat" data-connection={chat.connection}>
      <ol
        ref={listRef}
        className="flex max-h-96 min-h-32 flex-col gap-2 overflow-y-auto rounded-xl bg-sand-100/60 p-3"
        aria-live="polite"
      >
        {chat.canLoadOlder && (
          <li className="self-center">
            <Button variant="ghost" onClick={() => void session?.loadOlder()} disabled={chat.loadingOlder}>
              {m.loadOlder}
            </Button>
          </li>
        )}
        {chat.messages.length === 0 && chat.status === "ready" && (
          <li className="self-center text-sm text-sand-500">{m.empty}</li>
        )}
        {chat.messages.map((message) => {
          if (message.kind === "system") {
            return (
              <li key={message.id} data-testid="chat-system-message" data-key={message.systemKey}>
                <SystemBubble time={when(message.createdAt, "time")}>{systemText(message, locale)}</SystemBubble>
              </li>
            );
          }
          const own = message.senderType === "therapist" && message.senderId === therapistId;
          const clientId = message.clientMessageId;
          return (
            <li
              key={clientId ?? message.id}
              data-testid="chat-message"
              data-kind={message.kind}
              data-delivery={message.delivery}
            >
              <MessageBubble
                own={own}
                author={own ? undefined : customerName}
                pending={message.delivery === "sending"}
                time={message.delivery === "sent" ? when(message.createdAt, "time") : undefined}
                footer={
                  message.delivery === "sending" ? (
                    m.sending
                  ) : message.delivery === "failed" && clientId ? (
                    <span className="flex gap-3">
                      <button
                        type="button"
                        className="text-rose-600 underline"
                        onClick={() => void session?.retry(clientId)}
                      >
                        {m.failed}
                      </button>
                      <button type="button" className="underline" onClick={() => session?.discard(clientId)}>
                        {m.discard}
                      </button>
                    </span>
                  ) : undefined
                }
              >
                {bodyOf(message, own, customerName, m)}
              </MessageBubble>
            </li>
          );
        })}
      </ol>
      {canWrite ? (
        <form onSubmit={onSend} className="flex gap-2">
          {/* The file input itself is the control (labelled, focusable); the round button around it is its look. */}
          <label
            className="relative flex size-11 shrink-0 cursor-pointer items-center justify-center rounded-full border border-sand-300 bg-white text-sand-700 hover:bg-sand-100 has-focus-visible:ring-2 has-focus-visible:ring-tenang-200"
            title={m.attachPhoto}
          >
            <PhotoIcon />
            <input
              type="file"
              accept="image/*"
              className="sr-only"
              aria-label={m.attachPhoto}
              data-testid="chat-attach-photo"
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared at once, so picking the same photo again fires a change again.
                event.target.value = "";
                if (file) onPhoto(file);
              }}
            />
          </label>
          <label htmlFor={`chat-input-${bookingId}`} className="sr-only">
            {m.placeholder}
          </label>
          <input
            id={`chat-input-${bookingId}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={m.placeholder}
            maxLength={2000}
            className="h-11 min-w-0 flex-1 rounded-full border border-sand-300 bg-white px-4 text-sm focus:border-tenang-500 focus:ring-2 focus:ring-tenang-200 focus:outline-none"
            data-testid="chat-input"
          />
          <Button type="submit" disabled={!draft.trim()} data-testid="chat-send">
            {m.send}
          </Button>
        </form>
      ) : (
        <p className="text-center text-xs text-sand-500">{m.readOnly}</p>
      )}
      {error && (
        <p className="text-sm text-rose-700" role="alert" data-testid="chat-error">
          {error}
        </p>
      )}
    </div>
  );
}
