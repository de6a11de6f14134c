"use client";

import { createChatSession } from "@tenang/chat-client/chat-session";
import { createFetchChatApi } from "@tenang/chat-client/fetch-chat-api";
import type { ChatMessage } from "@tenang/chat-client/chat-message";
import { parseSystemMessage, renderSystemMessage } from "@tenang/booking-core/system-messages";
import { isDomainError } from "@tenang/booking-core/errors";
import { Button } from "@tenang/ui/button";
import { MessageBubble, SystemBubble } from "@tenang/ui/chat-bubble";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { getMessages } from "@/i18n/messages";
import { when } from "@/lib/format";

export interface BookingChatProps {
  bookingId: string;
  therapistId: string;
  customerName: string;
  /** Whether the therapist may write now (the room is active); otherwise the history is read-only. */
  canWrite: boolean;
}

function systemText(message: ChatMessage): string {
  if (message.kind !== "system") return "";
  const parsed = parseSystemMessage(message.systemKey, message.systemParams);
  // System messages are stored once and rendered per viewer; the therapist reads them in English here.
  return parsed ? renderSystemMessage(parsed, { locale: "en" }) : "";
}

function bodyOf(message: ChatMessage): string {
  switch (message.kind) {
    case "text":
      return message.text;
    case "system":
      return systemText(message);
    case "image":
      return message.text ?? "📷";
    case "location":
      return message.text ?? `📍 ${message.lat.toFixed(5)}, ${message.lng.toFixed(5)}`;
  }
}

/** The booking's chat with the customer, through @tenang/chat-client (realtime, backfill, optimistic send). */
export function BookingChat({ bookingId, therapistId, customerName, canWrite }: BookingChatProps) {
  const m = getMessages().chat;
  const session = useMemo(
    () =>
      createChatSession({
        api: createFetchChatApi(),
        bookingId,
        viewer: { senderType: "therapist", senderId: therapistId },
      }),
    [bookingId, therapistId],
  );
  useEffect(() => {
    void session.open();
    const wake = () => void session.resync();
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", wake);
    return () => {
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", wake);
      void session.close();
    };
  }, [session]);
  const chat = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
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
    if (!text) return;
    try {
      void session.send({ kind: "text", text });
      setDraft("");
      setError(null);
    } catch (err) {
      setError(isDomainError(err) ? (err.issues[0]?.message ?? err.message) : m.failed);
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
            <Button variant="ghost" onClick={() => void session.loadOlder()} disabled={chat.loadingOlder}>
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
                <SystemBubble time={when(message.createdAt, "time")}>{bodyOf(message)}</SystemBubble>
              </li>
            );
          }
          const own = message.senderType === "therapist" && message.senderId === therapistId;
          return (
            <li key={message.clientMessageId ?? message.id} data-testid="chat-message" data-delivery={message.delivery}>
              <MessageBubble
                own={own}
                author={own ? undefined : customerName}
                pending={message.delivery === "sending"}
                time={message.delivery === "sent" ? when(message.createdAt, "time") : undefined}
                footer={
                  message.delivery === "sending" ? (
                    m.sending
                  ) : message.delivery === "failed" ? (
                    <button
                      type="button"
                      className="text-rose-600 underline"
                      onClick={() => void session.retry(message.clientMessageId ?? "")}
                    >
                      {m.failed}
                    </button>
                  ) : undefined
                }
              >
                {bodyOf(message)}
              </MessageBubble>
            </li>
          );
        })}
      </ol>
      {canWrite ? (
        <form onSubmit={onSend} className="flex gap-2">
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
      {error && <p className="text-sm text-rose-700">{error}</p>}
    </div>
  );
}
