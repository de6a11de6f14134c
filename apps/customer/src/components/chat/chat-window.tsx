"use client";

// The chat window: the whole booking happens here. Before a booking exists it shows the service confirmation card;
// from then on everything it shows comes from the server — the booking (Realtime + polling) and the conversation
// (chat-client) — so a reload, another tab or a later visit shows exactly where the booking is.
import { chatRoomStatusFor } from "@tenang/booking-core/chat";
import type { Locale } from "@tenang/booking-core/locale";
import { createIdempotencyKey, IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { httpStatusOf, isRetryableError } from "@tenang/booking-core/retry";
import { renderSystemMessage } from "@tenang/booking-core/system-messages";
import { formatDateTime } from "@tenang/booking-core/time";
import { chatImagePath } from "@tenang/chat-client/fetch-chat-api";
import { Alert } from "@tenang/ui/alert";
import { SystemBubble } from "@tenang/ui/chat-bubble";
import { ChatMessageItem } from "@tenang/ui/chat-message";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useBooking } from "@/hooks/use-booking";
import { useChatSession, useFinishWhenClosed, useResyncOn } from "@tenang/chat-client/react";
import { serverNow } from "@tenang/chat-client/server-clock";
import { getMessages, type Messages } from "@/i18n/messages";
import { isApiError } from "@tenang/chat-client/api-client";
import { apiFetch } from "@/lib/api-client";
import { bookHref, type BookingStart } from "@/lib/booking-start";
import {
  ACTIVE_CHAT_STATUSES,
  isTerminal,
  type CustomerBooking,
  type CustomerBookingResponse,
} from "@/lib/customer-booking";
import { errorText } from "@/lib/error-text";
import { EndedPanel } from "./ended-panel";
import { SearchPanel } from "./search-panel";
import { TherapistDecisionPanel } from "./therapist-decision-panel";
import { ChatErrorBoundary } from "./chat-error-boundary";
import { photoErrorText } from "./chat-photo";
import { BookingSummary, ChatHeader, Composer, ConfirmedPanel } from "./chat-parts";
import { ServiceConfirmation } from "./service-confirmation";

export interface ChatWindowProps {
  locale: Locale;
  /** For a new booking: how it starts (the page's query string and the guest's remembered details). */
  start: BookingStart | null;
  /** For an existing booking: the server's answer as the page rendered it. */
  initial: CustomerBookingResponse | null;
}

export function ChatWindow(props: ChatWindowProps) {
  const messages = getMessages(props.locale);
  return (
    <ChatErrorBoundary messages={messages}>
      <ChatWindowInner {...props} messages={messages} />
    </ChatErrorBoundary>
  );
}

function ChatWindowInner({ locale, start, initial, messages }: ChatWindowProps & { messages: Messages }) {
  const [current, setCurrent] = useState<CustomerBookingResponse | null>(initial);
  const router = useRouter();

  // The URL follows the booking without reloading the window: a reload then resumes this booking.
  const show = useCallback((response: CustomerBookingResponse) => {
    window.history.replaceState(null, "", `/bookings/${encodeURIComponent(response.booking.id)}`);
    setCurrent(response);
  }, []);

  if (current) {
    return (
      <BookingChat
        key={current.booking.id}
        initial={current}
        locale={locale}
        messages={messages}
        onNewBooking={show}
        onReset={(href) => router.replace(href)}
      />
    );
  }
  if (!start) return null;
  const backHref = start.place
    ? `/places/${encodeURIComponent(start.place.id)}`
    : start.therapist
      ? `/therapists/${encodeURIComponent(start.therapist.id)}`
      : "/";
  return (
    <div className={CHAT_FRAME}>
      <ChatHeader booking={null} messages={messages} backHref={backHref} />
      <div className="flex flex-1 flex-col gap-4 pt-4">
        {start.notice === "cancelled" && <Alert data-testid="reset-notice">{messages.ended.resetNotice}</Alert>}
        <ol role="log" aria-live="polite" aria-label={messages.chat.logLabel} className="flex flex-col gap-3">
          <li data-testid="system-message" data-key="searching">
            <SystemBubble>{renderSystemMessage({ key: "searching", params: {} }, { locale })}</SystemBubble>
          </li>
        </ol>
        <ServiceConfirmation
          start={start}
          locale={locale}
          messages={messages}
          onCreated={show}
          onCancel={() => router.push(backHref)}
        />
      </div>
    </div>
  );
}

// The chat fills the screen under the site header (3.5rem) and the page's top padding (1.25rem), eating the bottom
// padding, so the panel at its foot sits at the bottom of the phone's screen even when the conversation is short.
const CHAT_FRAME = "-mb-5 flex min-h-[calc(100dvh-4.75rem)] flex-col";

type Busy = "cancel" | "accept" | "find_another" | "retry" | null;

/** A new booking with the details of one that found nobody: the one-tap "Try again". */
function retryBody(booking: CustomerBooking, locale: Locale) {
  return {
    source: booking.source,
    kind: booking.kind,
    providerType: booking.providerType,
    therapistId: booking.requestedTherapistId,
    placeId: booking.placeId,
    duration: booking.duration,
    massageType: booking.massageType,
    customerName: booking.customerName,
    customerWhatsapp: booking.customerWhatsapp,
    address: booking.address,
    hotelOrVilla: booking.hotelOrVilla,
    roomNumber: booking.roomNumber,
    lat: booking.lat,
    lng: booking.lng,
    scheduledFor: booking.scheduledFor,
    discountCode: booking.discountCode,
    locale,
  };
}

function startHrefFor(booking: CustomerBooking, notice?: "cancelled"): string {
  return bookHref({
    source: booking.source === "direct" ? "bookNow" : booking.source,
    therapistId: booking.requestedTherapistId,
    placeId: booking.placeId,
    duration: booking.duration,
    point: booking.placeId ? null : { lat: booking.lat, lng: booking.lng },
    notice,
    after: notice ? booking.id : undefined,
  });
}

function BookingChat({
  initial,
  locale,
  messages: m,
  onNewBooking,
  onReset,
}: {
  initial: CustomerBookingResponse;
  locale: Locale;
  messages: Messages;
  onNewBooking: (response: CustomerBookingResponse) => void;
  onReset: (href: string) => void;
}) {
  const { booking, refresh, replace } = useBooking(initial);
  const { session, snapshot } = useChatSession({
    bookingId: booking.id,
    viewer: { senderType: "customer", senderId: booking.customerId },
    locale,
    // The booking's own polling already runs every few seconds; this is the chat's separate safety net.
    syncIntervalMs: 10_000,
  });
  useResyncOn(session, `${booking.status}:${booking.attempt}`);
  const [busy, setBusy] = useState<Busy>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<(() => void) | null>(null);
  const endRef = useRef<HTMLDivElement>(null);

  const messageCount = snapshot.messages.length;
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end", behavior: "smooth" });
  }, [messageCount, booking.status]);

  const run = useCallback(
    async (kind: Exclude<Busy, null>, action: () => Promise<void>) => {
      setBusy(kind);
      setActionError(null);
      setLastAction(null);
      try {
        await action();
      } catch (error) {
        setActionError(errorText(error, m));
        // A stale screen: show the booking as it is now; the guest decides again from there.
        if (isApiError(error) && error.status === 409) refresh();
        else setLastAction(() => () => void run(kind, action));
      } finally {
        setBusy(null);
      }
    },
    [m, refresh],
  );

  const path = (suffix: string) => `/api/bookings/${encodeURIComponent(booking.id)}/${suffix}`;

  // The buttons' handlers: run() settles every failure into actionError, so nothing is left to await.
  const cancel = () =>
    void run("cancel", async () => {
      const wasPending = booking.status === "searching" || booking.status === "therapist_found";
      const response = await apiFetch<CustomerBookingResponse>(path("cancel"), {
        method: "POST",
        body: { expectedVersion: booking.version, reason: "changed_mind" },
      });
      // Cancelled before anything was arranged: the chat starts over, with the same details ready.
      if (wasPending && response.booking.status === "cancelled") onReset(startHrefFor(response.booking, "cancelled"));
      else replace(response);
    });

  const decide = (decision: "accept" | "find_another") =>
    void run(decision, async () => {
      replace(
        await apiFetch<CustomerBookingResponse>(path("decision"), {
          method: "POST",
          body: { expectedVersion: booking.version, decision },
        }),
      );
    });

  // One key per tap on "Try again": a double tap or a retried request still makes one new booking.
  const retryKey = useRef<string | null>(null);
  const retry = () =>
    void run("retry", async () => {
      retryKey.current ??= createIdempotencyKey();
      const response = await apiFetch<CustomerBookingResponse>("/api/bookings", {
        method: "POST",
        body: retryBody(booking, locale),
        headers: { [IDEMPOTENCY_HEADER]: retryKey.current },
      });
      retryKey.current = null;
      onNewBooking(response);
    });

  const canWrite = chatRoomStatusFor(booking, serverNow()) === "active";
  useFinishWhenClosed(session, canWrite || !isTerminal(booking.status));
  const sendText = (text: string): boolean => {
    if (!session) return false;
    try {
      void session.send({ kind: "text", text });
      return true;
    } catch (error) {
      setActionError(errorText(error, m));
      return false;
    }
  };
  const sendPhoto = (file: File) => {
    if (!session) return;
    setActionError(null);
    try {
      void session.sendImage({ file }).then((outcome) => {
        // A refused file says why here; a dropped connection shows on the photo itself, with "Send again".
        if (!outcome.ok && httpStatusOf(outcome.error) !== undefined && !isRetryableError(outcome.error)) {
          setActionError(photoErrorText(outcome.error, m));
        }
      });
    } catch (error) {
      setActionError(photoErrorText(error, m));
    }
  };
  const shareLocation = () => {
    if (!session || !("geolocation" in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (position) =>
        void session.send({
          kind: "location",
          lat: Math.round(position.coords.latitude * 1e5) / 1e5,
          lng: Math.round(position.coords.longitude * 1e5) / 1e5,
        }),
      () => setActionError(m.form.locationDenied),
      { timeout: 10_000 },
    );
  };

  const confirmedOrLater = ACTIVE_CHAT_STATUSES.includes(booking.status);
  const authorName = booking.therapist?.name;

  return (
    <div className={CHAT_FRAME} data-testid="booking-chat" data-status={booking.status} data-booking-id={booking.id}>
      <ChatHeader booking={booking} messages={m} backHref="/" />
      <div className="flex flex-1 flex-col gap-3 py-4">
        <BookingSummary booking={booking} messages={m} />
        <ol role="log" aria-live="polite" aria-label={m.chat.logLabel} className="flex flex-col gap-3">
          {snapshot.messages.length === 0 && snapshot.status !== "ready" && booking.status === "searching" && (
            // Until the conversation has loaded, the first thing the server said is already known.
            <li data-testid="system-message" data-key="searching">
              <SystemBubble>{renderSystemMessage({ key: "searching", params: {} }, { locale })}</SystemBubble>
            </li>
          )}
          {snapshot.messages.map((message) => (
            <ChatMessageItem
              key={message.clientMessageId ?? message.id}
              message={message}
              own={message.senderType === "customer" && message.senderId === booking.customerId}
              authorName={authorName}
              locale={m.locale}
              // The clock time alone: the zone is the page's, and "WITA" under every bubble is noise.
              time={formatDateTime(message.createdAt, { locale: m.locale, style: "time" }).replace(/ WITA$/, "")}
              photoPath={chatImagePath}
              labels={m.chat}
              onRetry={(id) => void session?.retry(id)}
              onDiscard={(id) => session?.discard(id)}
            />
          ))}
        </ol>
        {snapshot.status === "error" && snapshot.messages.length === 0 && (
          <Alert tone="error" className="flex items-center justify-between gap-3">
            <span>{errorText(snapshot.error, m)}</span>
            <button type="button" className="font-medium underline" onClick={() => void session?.resync()}>
              {m.errors.retry}
            </button>
          </Alert>
        )}
        {snapshot.connection === "reconnecting" && canWrite && (
          <p className="text-center text-xs text-sand-500" role="status">
            {m.chat.connection.reconnecting}
          </p>
        )}
        {confirmedOrLater && (
          <ConfirmedPanel booking={booking} messages={m} onCancel={cancel} cancelling={busy === "cancel"} />
        )}
        {(booking.status === "cancelled" || booking.status === "expired" || booking.status === "completed") && (
          <EndedPanel
            booking={booking}
            messages={m}
            onRetry={retry}
            retrying={busy === "retry"}
            error={actionError}
            changeDetailsHref={startHrefFor(booking)}
          />
        )}
        <div ref={endRef} />
      </div>

      {(booking.status === "searching" || booking.status === "therapist_found" || canWrite) && (
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-sand-200 bg-sand-50/95 px-4 py-3 backdrop-blur">
          {booking.status === "searching" && (
            <SearchPanel
              booking={booking}
              messages={m}
              onCancel={cancel}
              cancelling={busy === "cancel"}
              error={actionError}
              onRetryError={lastAction ?? undefined}
            />
          )}
          {booking.status === "therapist_found" && (
            <TherapistDecisionPanel
              booking={booking}
              messages={m}
              busy={busy === "retry" ? null : busy}
              onAccept={() => decide("accept")}
              onFindAnother={() => decide("find_another")}
              onCancel={cancel}
              error={actionError}
            />
          )}
          {canWrite && (
            <div className="flex flex-col gap-2">
              {actionError && (
                <Alert tone="error" data-testid="action-error">
                  {actionError}
                </Alert>
              )}
              <Composer
                messages={m}
                onSend={sendText}
                onShareLocation={shareLocation}
                onAttachPhoto={sendPhoto}
                disabled={!session}
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
