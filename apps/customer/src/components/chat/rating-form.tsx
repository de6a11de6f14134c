"use client";

// The guest's stars and comment for a completed session, sent once; "already rated" (another tab, a double tap)
// fetches the booking, which brings the stored rating.
import { useQueryClient } from "@tanstack/react-query";
import { ratingOpenUntil } from "@tenang/booking-core/rating";
import { MAX_RATING_COMMENT_LENGTH } from "@tenang/booking-core/schemas/rating";
import { formatDateTime } from "@tenang/booking-core/time";
import { isApiError } from "@tenang/chat-client/api-client";
import { Alert } from "@tenang/ui/alert";
import { Button } from "@tenang/ui/button";
import { useId, useState, type FormEvent } from "react";
import { bookingQueryKey } from "@/hooks/use-booking";
import type { Messages } from "@/i18n/messages";
import { apiFetch } from "@/lib/api-client";
import type { BookingRating, CustomerBooking, CustomerBookingResponse } from "@/lib/customer-booking";
import { errorText } from "@/lib/error-text";
import { StarIcon, STARS } from "./star-icon";

export function RatingForm({
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
