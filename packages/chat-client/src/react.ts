"use client";
// React bindings for both apps (react is a peer: the package itself stays usable without it): the tab's one live
// connection and the hooks that listen on it, the chat session, the server clock.

import type { Locale } from "@tenang/booking-core/locale";
import { createChatSession, type ChatSession, type ChatSnapshot } from "./chat-session";
import { createFetchChatApi } from "./fetch-chat-api";
import {
  createLiveConnection,
  type LiveConnection,
  type LiveEvent,
  type OpenReason,
  type RealtimeStatus,
} from "./live-connection";
import type { ChatViewer } from "./message-store";
import { serverClock } from "./server-clock";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

let tabConnection: LiveConnection | null = null;

/**
 * The tab's one Realtime connection, made on first use: every hook below listens on it, so a page with a booking,
 * its chat and (for a therapist) the offers holds one socket and one reconnect policy. The JWT comes from the app's
 * POST /api/realtime/token. When the device comes back online a connection waiting out its backoff connects now.
 */
export function tabLiveConnection(): LiveConnection {
  if (tabConnection) return tabConnection;
  const api = createFetchChatApi("");
  const connection = createLiveConnection({ mintToken: (call) => api.mintRealtimeToken(call) });
  window.addEventListener("online", () => {
    if (connection.status === "reconnecting") connection.reconnect();
  });
  tabConnection = connection;
  return connection;
}

export interface LiveChannelsConfig {
  /** Identifies the channel set: the subscription is remade when it changes. */
  key: string;
  channels(databaseId: string): string[];
  /** An event on one of the channels. Events only say "this changed": refetch it through the app's routes. */
  onEvent(event: LiveEvent): void;
  /** Every (re)connection, and joining an open one: events are not replayed, so refetch what is shown. */
  onOpen?(reason: OpenReason): void;
  /** False: no subscription (e.g. a booking that can no longer change). */
  enabled?: boolean;
}

/** Listens on the tab's connection while mounted and enabled; returns the connection's status. */
export function useLiveChannels(config: LiveChannelsConfig): RealtimeStatus {
  const { key, enabled = true } = config;
  const latest = useRef(config);
  useEffect(() => {
    latest.current = config;
  });
  const [status, setStatus] = useState<RealtimeStatus>("idle");

  useEffect(() => {
    if (!enabled) return;
    const connection = tabLiveConnection();
    const subscription = connection.subscribe({
      channels: (databaseId) => latest.current.channels(databaseId),
      onEvent: (event) => latest.current.onEvent(event),
      onOpen: (reason) => {
        setStatus("live");
        latest.current.onOpen?.(reason);
      },
      onStatus: setStatus,
    });
    setStatus(connection.status);
    return () => subscription.unsubscribe();
  }, [key, enabled]);

  return status;
}

/** Server time minus device time, re-rendering when a response moves it (see server-clock.ts). */
export function useServerClockOffset(): number {
  return useSyncExternalStore(serverClock.subscribe, serverClock.offset, () => 0);
}

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
 * routes word errors in the visitor's language from the locale cookie), live over the tab's Realtime connection, caught up after every
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
      realtime: { connection: tabLiveConnection() },
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
