"use client";

// The running search under the conversation: countdown, attempt, Cancel. Every wait shows its end and has a way out.
import { formatCountdown, formatDateTime } from "@tenang/booking-core/time";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { useRef } from "react";
import { useCoarseAnnouncement } from "@/hooks/use-coarse-announcement";
import { useCountdown } from "@/hooks/use-countdown";
import type { Messages } from "@/i18n/messages";
import type { CustomerBooking } from "@/lib/customer-booking";
import { ErrorLine } from "./action-error";

/** A long wait reads as "2 h 59 min"; a short one as a countdown, "4:59". */
function formatWait(seconds: number, m: Messages): string {
  if (seconds < 3600) return formatCountdown(seconds);
  return m.search.hoursMinutes(Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60));
}
export function SearchPanel({
  booking,
  messages: m,
  onCancel,
  cancelling,
  error,
  onRetryError,
}: {
  booking: CustomerBooking;
  messages: Messages;
  onCancel: () => void;
  cancelling: boolean;
  error: string | null;
  onRetryError?: () => void;
}) {
  // A scheduled visit or a spa is asked once and answers by a response deadline; an immediate visit runs short
  // offers, one therapist after another.
  const scheduled = booking.kind === "scheduled" || booking.providerType === "place";
  const deadline = scheduled ? (booking.responseDeadline ?? booking.offerExpiresAt) : booking.offerExpiresAt;
  const seconds = useCountdown(deadline);
  const announced = useCoarseAnnouncement(seconds, scheduled ? 600 : 15);

  // The bar's full width is the offer's window as first seen, so it empties smoothly whatever the window is.
  const windowRef = useRef<{ deadline: string | null; total: number }>({ deadline: null, total: 0 });
  if (windowRef.current.deadline !== deadline && seconds !== null) {
    windowRef.current = { deadline, total: Math.max(seconds, 1) };
  }
  const fraction = seconds === null ? 0 : Math.min(1, seconds / Math.max(windowRef.current.total, 1));
  const waitingForNext = !scheduled && (seconds === null || seconds === 0);

  return (
    <Card className="flex flex-col gap-3" data-testid="search-panel">
      <div className="flex items-start gap-3">
        <span className="relative mt-1 flex size-3 shrink-0" aria-hidden="true">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-tenang-400 opacity-60" />
          <span className="relative inline-flex size-3 rounded-full bg-tenang-500" />
        </span>
        <div className="min-w-0 flex-1" aria-live="polite" aria-atomic="true">
          <p className="font-semibold text-sand-900">{scheduled ? m.search.scheduledHeading : m.search.heading}</p>
          {scheduled ? (
            <>
              {booking.scheduledFor && (
                <p className="text-sm font-medium text-sand-800">
                  {m.search.scheduledFor(formatDateTime(booking.scheduledFor, { locale: m.locale }))}
                </p>
              )}
              {booking.responseDeadline && (
                <p className="text-sm text-sand-600">
                  {m.search.answerBy(formatDateTime(booking.responseDeadline, { locale: m.locale }))}
                </p>
              )}
            </>
          ) : (
            <p className="text-sm text-sand-600" data-testid="search-attempt">
              {booking.attempt > 0 ? m.search.attempt(booking.attempt, booking.maxAttempts) : m.search.starting}
            </p>
          )}
          <p className="sr-only">
            {waitingForNext ? m.search.nextTherapist : announced !== null ? m.search.secondsLeft(announced) : null}
          </p>
        </div>
        {!scheduled && (
          <span
            className="font-mono text-2xl font-semibold text-tenang-700 tabular-nums"
            aria-hidden="true"
            data-testid="search-countdown"
          >
            {seconds === null ? "–:––" : formatCountdown(seconds)}
          </span>
        )}
      </div>

      {!scheduled && (
        <div>
          <div className="h-1.5 overflow-hidden rounded-full bg-sand-100" aria-hidden="true">
            <div
              className="h-full rounded-full bg-tenang-500 transition-[width] duration-300 ease-linear"
              style={{ width: `${fraction * 100}%` }}
            />
          </div>
          <p className="mt-1.5 text-xs text-sand-500" aria-hidden="true">
            {waitingForNext ? m.search.nextTherapist : m.search.waitingFor}
          </p>
        </div>
      )}
      {scheduled && seconds !== null && (
        <p className="text-xs text-sand-500">
          {m.search.timeLeft}: <span className="tabular-nums">{formatWait(seconds, m)}</span>
        </p>
      )}

      <ErrorLine error={error} onRetry={onRetryError} messages={m} />
      <Button variant="secondary" fullWidth onClick={onCancel} disabled={cancelling} data-testid="cancel-search">
        {cancelling ? m.search.cancelling : m.search.cancel}
      </Button>
    </Card>
  );
}
