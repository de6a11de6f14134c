"use client";

// The panel under the conversation that says where the booking is and what the guest can do now: the running search
// (countdown, attempt, Cancel), the therapist found (Accept / Find another / Cancel), or how it ended (with the way
// forward). Every wait shows its end and has a way out.
import { formatCountdown, formatDateTime } from "@tenang/booking-core/time";
import { Alert } from "@tenang/ui/alert";
import { Avatar } from "@tenang/ui/avatar";
import { Button, buttonClassName } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import { isRatingOpen, ratingOpenUntil } from "@tenang/booking-core/rating";
import { MAX_RATING_COMMENT_LENGTH } from "@tenang/booking-core/schemas/rating";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { bookingQueryKey } from "@/hooks/use-booking";
import { useCountdown } from "@/hooks/use-countdown";
import { serverNow } from "@tenang/chat-client/server-clock";
import { languageName, type Messages } from "@/i18n/messages";
import { isApiError } from "@tenang/chat-client/api-client";
import { apiFetch } from "@/lib/api-client";
import type { BookingRating, CustomerBooking, CustomerBookingResponse } from "@/lib/customer-booking";
import { cx } from "@/lib/cx";
import { errorText } from "@/lib/error-text";

/** Announces a countdown to screen readers now and then (every `every` s, and at 10 s), never every second. */
function useCoarseAnnouncement(seconds: number | null, every: number): number | null {
  const [announced, setAnnounced] = useState<number | null>(seconds);
  useEffect(() => {
    if (seconds === null) {
      setAnnounced(null);
      return;
    }
    if (seconds === 10 || seconds % every === 0) setAnnounced(seconds);
  }, [seconds, every]);
  return announced;
}

/** A long wait reads as "2 h 59 min"; a short one as a countdown, "4:59". */
function formatWait(seconds: number, m: Messages): string {
  if (seconds < 3600) return formatCountdown(seconds);
  return m.search.hoursMinutes(Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60));
}

function ErrorLine({
  error,
  onRetry,
  messages: m,
}: {
  error: string | null;
  onRetry?: () => void;
  messages: Messages;
}) {
  if (!error) return null;
  return (
    <Alert tone="error" className="flex items-center justify-between gap-3" data-testid="action-error">
      <span>{error}</span>
      {onRetry && (
        <button type="button" className="shrink-0 font-medium underline" onClick={onRetry}>
          {m.errors.retry}
        </button>
      )}
    </Alert>
  );
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

export function TherapistDecisionPanel({
  booking,
  messages: m,
  busy,
  onAccept,
  onFindAnother,
  onCancel,
  error,
}: {
  booking: CustomerBooking;
  messages: Messages;
  busy: "accept" | "find_another" | "cancel" | null;
  onAccept: () => void;
  onFindAnother: () => void;
  onCancel: () => void;
  error: string | null;
}) {
  const therapist = booking.therapist;
  const seconds = useCountdown(booking.customerDecisionDeadline);
  if (!therapist) return null;
  return (
    <Card className="flex flex-col gap-4" data-testid="therapist-card">
      <div className="flex items-center gap-3">
        <Avatar src={therapist.photoUrl && `${therapist.photoUrl}?w=192`} name={therapist.name} size="lg" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-lg font-semibold text-sand-900" data-testid="found-therapist-name">
            {therapist.name}
          </p>
          <Rating
            value={therapist.rating}
            count={therapist.ratingCount}
            newLabel={m.rating.new}
            describe={m.rating.describe}
          />
          <p className="mt-0.5 text-sm text-sand-600">
            {[
              therapist.distanceKm !== null ? m.found.distance(therapist.distanceKm.toLocaleString(m.locale)) : null,
              therapist.etaMinutes !== null ? m.found.eta(therapist.etaMinutes) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {therapist.languages.length > 0 && (
            <p className="text-xs text-sand-500">
              {therapist.languages.map((code) => languageName(code, m.locale)).join(" · ")}
            </p>
          )}
        </div>
      </div>
      {seconds !== null && (
        <p className="text-xs text-sand-500" data-testid="decision-countdown">
          {seconds > 0 ? m.found.decideWithin(formatCountdown(seconds)) : m.found.decideExpired}
        </p>
      )}
      <ErrorLine error={error} messages={m} />
      <div className="flex flex-col gap-2">
        <Button size="lg" fullWidth onClick={onAccept} disabled={busy !== null} data-testid="accept-therapist">
          {busy === "accept" ? m.found.working : m.found.accept}
        </Button>
        <div className="grid grid-cols-2 gap-2">
          <Button variant="secondary" onClick={onFindAnother} disabled={busy !== null} data-testid="find-another">
            {busy === "find_another" ? m.found.working : m.found.findAnother}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={busy !== null} data-testid="cancel-booking">
            {busy === "cancel" ? m.search.cancelling : m.found.cancel}
          </Button>
        </div>
      </div>
    </Card>
  );
}

export function EndedPanel({
  booking,
  messages: m,
  onRetry,
  retrying,
  error,
  changeDetailsHref,
}: {
  booking: CustomerBooking;
  messages: Messages;
  onRetry: () => void;
  retrying: boolean;
  error: string | null;
  changeDetailsHref: string;
}) {
  if (booking.status === "expired") {
    const noResponse = booking.expiryReason === "customer_no_response";
    return (
      <Card className="flex flex-col gap-3" data-testid="ended-panel" data-status="expired">
        <p className="font-semibold text-sand-900">{m.ended.expiredHeading}</p>
        <p className="text-sm text-sand-600">{noResponse ? m.ended.expiredNoResponse : m.ended.expiredBody}</p>
        <ErrorLine error={error} messages={m} />
        <Button size="lg" fullWidth onClick={onRetry} disabled={retrying} data-testid="retry-search">
          {retrying ? m.ended.retrying : m.ended.retry}
        </Button>
        <Link href={changeDetailsHref} className={buttonClassName({ variant: "ghost", fullWidth: true })}>
          {m.ended.changeDetails}
        </Link>
      </Card>
    );
  }
  const cancelled = booking.status === "cancelled";
  return (
    <Card className="flex flex-col gap-3" data-testid="ended-panel" data-status={booking.status}>
      <p className="font-semibold text-sand-900">{cancelled ? m.ended.cancelledHeading : m.ended.completedHeading}</p>
      <p className="text-sm text-sand-600">
        {cancelled
          ? booking.cancelledBy === "customer"
            ? m.ended.cancelledBody
            : m.ended.cancelledByOther
          : m.ended.completedBody}
      </p>
      {booking.status === "completed" && <RatingPanel booking={booking} messages={m} />}
      <Link href={changeDetailsHref} className={buttonClassName({ fullWidth: true })}>
        {m.ended.newBooking}
      </Link>
    </Card>
  );
}

const STARS = [1, 2, 3, 4, 5] as const;

function StarIcon({ filled, className }: { filled: boolean; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={cx(filled ? "fill-gold-400 stroke-gold-500" : "fill-none stroke-sand-400", className)}
      strokeWidth={1.2}
      strokeLinejoin="round"
    >
      <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
    </svg>
  );
}

/**
 * The guest's rating of a completed session: their stars and comment once given ("Thanks"), else the form while the
 * rating window is open (booking-core's rule, the server checks it again), else nothing.
 */
function RatingPanel({ booking, messages: m }: { booking: CustomerBooking; messages: Messages }) {
  // What this panel just sent: shown even if a slower refresh of the booking answers without it for a moment.
  const [sent, setSent] = useState<BookingRating | null>(null);
  const rating = booking.rating ?? sent;
  if (rating) return <RatingThanks rating={rating} messages={m} />;
  if (!isRatingOpen(booking, serverNow())) return null;
  return <RatingForm booking={booking} messages={m} onRated={setSent} />;
}

function RatingThanks({ rating, messages: m }: { rating: BookingRating; messages: Messages }) {
  return (
    <div
      className="flex flex-col gap-2 rounded-xl bg-tenang-50 p-3"
      role="status"
      data-testid="rating-thanks"
      data-stars={rating.stars}
    >
      <p className="font-medium text-tenang-800">{m.rate.thanks}</p>
      <p className="flex items-center gap-0.5">
        <span className="sr-only">{m.rate.yourRating(rating.stars)}</span>
        {STARS.map((n) => (
          <StarIcon key={n} filled={n <= rating.stars} className="size-6" />
        ))}
      </p>
      {rating.comment && (
        <blockquote
          className="text-sm break-words whitespace-pre-line text-sand-700"
          data-testid="rating-comment-shown"
        >
          “{rating.comment}”
        </blockquote>
      )}
    </div>
  );
}

function RatingForm({
  booking,
  messages: m,
  onRated,
}: {
  booking: CustomerBooking;
  messages: Messages;
  onRated: (rating: BookingRating) => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const until = ratingOpenUntil(booking);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (stars === null) {
      setError(m.rate.chooseStars);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const response = await apiFetch<CustomerBookingResponse>(
        `/api/bookings/${encodeURIComponent(booking.id)}/rating`,
        { method: "POST", body: { stars, comment } },
      );
      queryClient.setQueryData(bookingQueryKey(booking.id), response);
      if (response.booking.rating) onRated(response.booking.rating);
    } catch (failure) {
      setError(errorText(failure, m));
      // Rated already (another tab, a double tap): fetch the booking, which brings the stored rating.
      if (isApiError(failure) && failure.code === "already_rated") {
        void queryClient.invalidateQueries({ queryKey: bookingQueryKey(booking.id) });
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      // submit() shows every failure under the form, so its promise never rejects.
      onSubmit={(event) => void submit(event)}
      noValidate
      className="flex flex-col gap-3 border-t border-sand-100 pt-3"
      aria-labelledby={`${id}-heading`}
      data-testid="rating-form"
    >
      <p id={`${id}-heading`} className="font-medium text-sand-900">
        {m.rate.heading}
      </p>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="mb-1 text-sm text-sand-700">{m.rate.legend}</legend>
        {/* Native radios: arrow keys move between the stars, and a screen reader says "3 stars, 3 of 5". */}
        <div className="flex gap-1">
          {STARS.map((n) => (
            <label key={n} className="relative cursor-pointer" data-testid={`rating-star-${n}`}>
              <input
                type="radio"
                name={`${id}-stars`}
                value={n}
                checked={stars === n}
                onChange={() => {
                  setStars(n);
                  setError(null);
                }}
                className="peer sr-only"
              />
              <span className="sr-only">{m.rate.star(n)}</span>
              <StarIcon
                filled={stars !== null && n <= stars}
                className="size-11 rounded-lg p-1 peer-focus-visible:ring-2 peer-focus-visible:ring-tenang-500"
              />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-comment`} className="text-sm font-medium text-sand-800">
          {m.rate.comment}
        </label>
        <textarea
          id={`${id}-comment`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={MAX_RATING_COMMENT_LENGTH}
          rows={3}
          placeholder={m.rate.commentPlaceholder}
          aria-describedby={`${id}-count`}
          className="rounded-xl border border-sand-300 bg-white px-4 py-3 text-base text-sand-900 placeholder:text-sand-400 focus:border-tenang-500 focus:ring-2 focus:ring-tenang-200 focus:outline-none"
          data-testid="rating-comment"
        />
        <p id={`${id}-count`} className="text-right text-xs text-sand-500">
          {m.rate.commentCount(comment.length, MAX_RATING_COMMENT_LENGTH)}
        </p>
      </div>
      {error && (
        <Alert tone="error" id={`${id}-error`} data-testid="rating-error">
          {error}
        </Alert>
      )}
      <Button
        type="submit"
        variant="secondary"
        fullWidth
        disabled={sending}
        aria-busy={sending}
        data-testid="send-rating"
      >
        {sending ? m.rate.sending : m.rate.send}
      </Button>
      {until && <p className="text-xs text-sand-500">{m.rate.until(formatDateTime(until, { locale: m.locale }))}</p>}
    </form>
  );
}
