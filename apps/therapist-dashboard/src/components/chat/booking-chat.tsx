"use client";

import { chatImagePath } from "@tenang/chat-client/fetch-chat-api";
import { useChatSession } from "@tenang/chat-client/react";
import { isDomainError } from "@tenang/booking-core/errors";
import { httpStatusOf, isRetryableError } from "@tenang/booking-core/retry";
import { Button } from "@tenang/ui/button";
import { ChatMessageItem } from "@tenang/ui/chat-message";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormat, useLocale, useMessages } from "@/i18n/locale-context";
import { photoErrorText, PhotoIcon } from "./chat-photo";

export interface BookingChatProps {
  bookingId: string;
  therapistId: string;
  customerName: string;
  /** Whether the therapist may write now (the room is active); otherwise the history is read-only. */
  canWrite: boolean;
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
        {chat.messages.map((message) => (
          <ChatMessageItem
            key={message.clientMessageId ?? message.id}
            message={message}
            own={message.senderType === "therapist" && message.senderId === therapistId}
            authorName={customerName}
            locale={locale}
            time={when(message.createdAt, "time")}
            photoPath={chatImagePath}
            labels={m}
            onRetry={(id) => void session?.retry(id)}
            onDiscard={(id) => session?.discard(id)}
          />
        ))}
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
