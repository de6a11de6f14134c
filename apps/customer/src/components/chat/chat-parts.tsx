"use client";

// The frame of the chat window: its header (Tenang while searching, the therapist once one is found, locked once
// confirmed), the booking's details, the live status of a confirmed booking, and the message composer.
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { formatServiceAddress } from "@tenang/booking-core/schemas/location";
import { formatDateTime } from "@tenang/booking-core/time";
import { Avatar } from "@tenang/ui/avatar";
import { Badge } from "@tenang/ui/badge";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { useState, type FormEvent, type ReactNode } from "react";
import { ImageIcon, PinIcon, WhatsAppIcon } from "@/components/icons";
import type { Messages } from "@/i18n/messages";
import type { CustomerBooking } from "@/lib/customer-booking";
import { cx } from "@/lib/cx";

function TenangMark() {
  return (
    <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-tenang-100" aria-hidden="true">
      <svg viewBox="0 0 24 24" className="size-5 fill-tenang-600">
        <path d="M12 2c4 3.2 6 6.6 6 10.2A6 6 0 0 1 12 18a6 6 0 0 1-6-5.8C6 8.6 8 5.2 12 2zm0 17.5c.6 0 1 .4 1 1V22h-2v-1.5c0-.6.4-1 1-1z" />
      </svg>
    </span>
  );
}

const statusTone = (booking: CustomerBooking | null) => {
  if (!booking) return "neutral" as const;
  if (booking.status === "cancelled" || booking.status === "expired") return "danger" as const;
  if (booking.status === "searching") return "warning" as const;
  return "success" as const;
};

export function ChatHeader({
  booking,
  messages: m,
  backHref,
}: {
  booking: CustomerBooking | null;
  messages: Messages;
  backHref: string;
}) {
  // The therapist shows from the moment one is found; from confirmation on, they are the only one it can show.
  const therapist = booking?.status !== "searching" ? (booking?.therapist ?? null) : null;
  const locked = therapist !== null && booking !== null && booking.confirmedAt !== null;
  return (
    <header
      className="sticky top-14 z-10 -mx-4 flex items-center gap-3 border-b border-sand-200 bg-sand-50/95 px-4 py-2.5 backdrop-blur"
      data-testid="chat-header"
      data-locked={locked ? "true" : "false"}
    >
      <a
        href={backHref}
        className="-ml-2 flex size-9 items-center justify-center rounded-full text-sand-700 hover:bg-sand-100"
        aria-label={m.chat.back}
      >
        <span aria-hidden="true">←</span>
      </a>
      {therapist ? (
        <Avatar src={therapist.photoUrl && `${therapist.photoUrl}?w=96`} name={therapist.name} size="sm" />
      ) : (
        <TenangMark />
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold text-sand-900" data-testid="chat-header-name">
          {therapist ? therapist.name : m.chat.assistant}
        </p>
        <p className="truncate text-xs text-sand-600">
          {booking ? (
            <Badge dot tone={statusTone(booking)} className="-ml-1 px-1.5" data-testid="chat-status">
              {m.chat.status[booking.status]}
            </Badge>
          ) : (
            m.chat.assistantSubtitle
          )}
        </p>
      </div>
      {therapist?.whatsappUrl && (
        <a
          href={therapist.whatsappUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="flex size-10 shrink-0 items-center justify-center rounded-full border border-sand-300 bg-white hover:bg-sand-100"
          aria-label={m.chat.whatsappLabel(therapist.name)}
          title={m.chat.whatsappLabel(therapist.name)}
          data-testid="whatsapp-link"
        >
          <WhatsAppIcon />
        </a>
      )}
    </header>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="shrink-0 text-sand-600">{label}</dt>
      <dd className="text-right text-sand-900">{children}</dd>
    </div>
  );
}

export function BookingSummary({ booking, messages: m }: { booking: CustomerBooking; messages: Messages }) {
  return (
    <details className="group rounded-2xl border border-sand-200 bg-white text-sm" data-testid="booking-summary">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3">
        <span className="font-medium text-sand-900">
          {m.duration(booking.duration)} · {formatRupiah(booking.amount, m.moneyLocale)}
        </span>
        <span className="text-xs text-tenang-700 group-open:hidden">{m.summary.title}</span>
        <span aria-hidden="true" className="text-sand-500 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <dl className="flex flex-col gap-1.5 border-t border-sand-100 px-4 py-3">
        <Row label={m.summary.when}>
          {booking.scheduledFor ? formatDateTime(booking.scheduledFor, { locale: m.locale }) : m.summary.now}
        </Row>
        <Row label={m.summary.address}>
          <span data-testid="summary-address">{formatServiceAddress(booking, m.locale)}</span>
        </Row>
        {booking.discountAmount > 0 && (
          <Row label={m.service.discount}>
            {booking.discountCode} −{formatRupiah(booking.discountAmount, m.moneyLocale)}
          </Row>
        )}
        <Row label={m.summary.amount}>{formatRupiah(booking.amount, m.moneyLocale)}</Row>
        <Row label={m.summary.reference}>
          <span className="font-mono text-xs">{booking.id}</span>
        </Row>
      </dl>
    </details>
  );
}

const STEPS = ["confirmed", "on_the_way", "arrived", "in_progress", "completed"] as const;

/** Confirmed and later: where the visit is, and cancelling behind a second tap. */
export function ConfirmedPanel({
  booking,
  messages: m,
  onCancel,
  cancelling,
}: {
  booking: CustomerBooking;
  messages: Messages;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const reached = STEPS.indexOf(booking.status as (typeof STEPS)[number]);
  return (
    <Card className="flex flex-col gap-3" data-testid="confirmed-panel">
      <div>
        <p className="font-semibold text-sand-900">{m.confirmed.progress[booking.status] ?? m.confirmed.heading}</p>
        <p className="text-sm text-sand-600">
          {booking.scheduledFor
            ? m.confirmed.scheduled(formatDateTime(booking.scheduledFor, { locale: m.locale }))
            : m.confirmed.arrival}
        </p>
      </div>
      <ol className="flex items-center gap-1" aria-label={m.chat.status[booking.status]}>
        {STEPS.map((step, index) => (
          <li key={step} className="flex flex-1 flex-col items-center gap-1 text-center">
            <span
              className={cx("h-1.5 w-full rounded-full", index <= reached ? "bg-tenang-500" : "bg-sand-200")}
              aria-hidden="true"
            />
            <span
              className={cx(
                "text-[10px] leading-tight",
                index === reached ? "font-semibold text-sand-900" : "text-sand-500",
              )}
              aria-current={index === reached ? "step" : undefined}
            >
              {m.chat.status[step]}
            </span>
          </li>
        ))}
      </ol>
      {booking.status !== "completed" &&
        booking.status !== "in_progress" &&
        (asking ? (
          <div
            className="rounded-xl bg-rose-50 p-3 text-sm text-rose-900"
            role="alertdialog"
            aria-label={m.confirmed.cancel}
          >
            <p>{m.confirmed.cancelConfirm}</p>
            <div className="mt-2 flex gap-2">
              <Button variant="secondary" onClick={onCancel} disabled={cancelling} data-testid="confirm-cancel">
                {cancelling ? m.search.cancelling : m.confirmed.cancelYes}
              </Button>
              <Button variant="ghost" onClick={() => setAsking(false)} disabled={cancelling}>
                {m.confirmed.cancelNo}
              </Button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="self-start text-sm text-sand-600 underline underline-offset-2"
            onClick={() => setAsking(true)}
          >
            {m.confirmed.cancel}
          </button>
        ))}
    </Card>
  );
}

export function Composer({
  messages: m,
  onSend,
  onShareLocation,
  onAttachPhoto,
  disabled,
}: {
  messages: Messages;
  onSend: (text: string) => boolean;
  onShareLocation: () => void;
  onAttachPhoto: (file: File) => void;
  disabled: boolean;
}) {
  const [text, setText] = useState("");
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim() || disabled) return;
    if (onSend(text)) setText("");
  };
  return (
    <form onSubmit={submit} className="flex items-end gap-1.5" data-testid="composer">
      <button
        type="button"
        onClick={onShareLocation}
        disabled={disabled}
        className="flex size-11 shrink-0 items-center justify-center rounded-full border border-sand-300 bg-white text-sand-700 hover:bg-sand-100 disabled:opacity-50"
        aria-label={m.chat.shareLocation}
        title={m.chat.shareLocation}
      >
        <PinIcon className="size-5" />
      </button>
      {/* The file input itself is the control (labelled, focusable); the round button around it is only its look. */}
      <label
        className={cx(
          "relative flex size-11 shrink-0 items-center justify-center rounded-full border border-sand-300 bg-white text-sand-700 hover:bg-sand-100 has-focus-visible:ring-2 has-focus-visible:ring-tenang-200",
          disabled ? "opacity-50" : "cursor-pointer",
        )}
        title={m.chat.attachPhoto}
      >
        <ImageIcon className="size-5" />
        <input
          type="file"
          accept="image/*"
          className="sr-only"
          aria-label={m.chat.attachPhoto}
          disabled={disabled}
          data-testid="attach-photo"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared at once, so picking the same photo again (after a refusal, say) fires a change again.
            event.target.value = "";
            if (file) onAttachPhoto(file);
          }}
        />
      </label>
      <label htmlFor="chat-composer" className="sr-only">
        {m.chat.composerLabel}
      </label>
      <textarea
        id="chat-composer"
        rows={1}
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
        placeholder={m.chat.composerPlaceholder}
        maxLength={2000}
        className="max-h-32 min-h-11 min-w-0 flex-1 resize-none rounded-2xl border border-sand-300 bg-white px-3 py-2.5 text-base text-sand-900 placeholder:text-sand-400 focus:border-tenang-500 focus:ring-2 focus:ring-tenang-200 focus:outline-none"
      />
      <Button type="submit" className="h-11" disabled={disabled || !text.trim()} data-testid="send-message">
        {m.chat.send}
      </Button>
    </form>
  );
}
