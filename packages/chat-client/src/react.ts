"use client";
// React bindings for both apps' chat windows (react is a peer: the package itself stays usable without it).

import type { Locale } from "@tenang/booking-core/locale";
import { createChatSession, type ChatSession, type ChatSnapshot } from "./chat-session";
import { createFetchChatApi } from "./fetch-chat-api";
import type { ChatViewer } from "./message-store";
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

/** What a chat window needs to open its booking's conversation; the session is remade when one of these changes. */
export interface ChatSessionConfig {
  bookingId: string;
  viewer: ChatViewer;
  locale: Locale;
  /** Periodic catch-up while open (the session's default when omitted). */
  syncIntervalMs?: number;
}

/**
 * The booking's conversation for a React component: messages loaded through the app's /api routes (same origin; the
 * routes word errors in the visitor's language from the locale cookie), live over Realtime, caught up after every
 * reconnect and when the device comes back online or the tab is shown again. The session is made and closed inside
 * one effect — sockets, timers and requests with it — on unmount or when the booking changes, so nothing outlives
 * the chat window (and React's development double-run of effects gets a fresh session, never a closed one).
 */
export function useChatSession(config: ChatSessionConfig): { session: ChatSession | null; snapshot: ChatSnapshot } {
  const [session, setSession] = useState<ChatSession | null>(null);
  const { bookingId, locale, syncIntervalMs } = config;
  const { senderType, senderId } = config.viewer;

  useEffect(() => {
    const created = createChatSession({
      api: createFetchChatApi(""),
      bookingId,
      viewer: { senderType, senderId },
      locale,
      ...(syncIntervalMs === undefined ? {} : { syncIntervalMs }),
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
  }, [bookingId, senderType, senderId, locale, syncIntervalMs]);

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
