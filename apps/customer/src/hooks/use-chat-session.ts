"use client";

import type { Locale } from "@tenang/booking-core/locale";
import { createChatSession, type ChatSession, type ChatSnapshot } from "@tenang/chat-client/chat-session";
import { createFetchChatApi } from "@tenang/chat-client/fetch-chat-api";
import { useEffect, useState, useSyncExternalStore } from "react";

const idleSnapshot: ChatSnapshot = {
  status: "idle",
  connection: "idle",
  messages: [],
  hasOlder: false,
  canLoadOlder: false,
  loadingOlder: false,
  unread: { count: 0, exact: true },
  readMarker: null,
  error: null,
};
const noop = () => () => undefined;

/**
 * The booking's conversation (chat-client): messages loaded through our /api routes, live over Realtime, caught up
 * after every reconnect. The session is closed — sockets, timers and requests with it — on unmount or when the
 * booking changes, so nothing outlives the chat window.
 */
export function useChatSession(
  bookingId: string,
  customerId: string,
  locale: Locale,
): { session: ChatSession | null; snapshot: ChatSnapshot } {
  const [session, setSession] = useState<ChatSession | null>(null);

  useEffect(() => {
    const created = createChatSession({
      // Same origin; the routes word errors in the visitor's language from the locale cookie.
      api: createFetchChatApi(""),
      bookingId,
      viewer: { senderType: "customer", senderId: customerId },
      locale,
      // The booking's own polling already runs every few seconds; this is the chat's separate safety net.
      syncIntervalMs: 10_000,
    });
    setSession(created);
    void created.open();
    const resync = () => void created.resync();
    window.addEventListener("online", resync);
    const onVisible = () => document.visibilityState === "visible" && resync();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", resync);
      document.removeEventListener("visibilitychange", onVisible);
      void created.close();
      setSession(null);
    };
  }, [bookingId, customerId, locale]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noop,
    session?.getSnapshot ?? (() => idleSnapshot),
    () => idleSnapshot,
  );
  return { session, snapshot };
}

/**
 * Once a booking is over and its chat closed for writing, the conversation cannot change any more: catch up one last
 * time, then stop the socket and the periodic sync (the messages stay on screen).
 */
export function useFinishWhenClosed(session: ChatSession | null, live: boolean): void {
  useEffect(() => {
    if (!session || live) return;
    void session.resync().finally(() => void session.close());
  }, [session, live]);
}

/** Lets the booking's state nudge the chat: a status change usually comes with a new system message. */
export function useResyncOn(session: ChatSession | null, key: string): void {
  useEffect(() => {
    if (session) void session.resync();
  }, [session, key]);
}
