"use client";

import { isRatingOpen } from "@tenang/booking-core/rating";
import { serverNow } from "@tenang/chat-client/server-clock";
import { useState } from "react";
import type { Messages } from "@/i18n/messages";
import type { BookingRating, CustomerBooking } from "@/lib/customer-booking";
import { RatingForm } from "./rating-form";
import { STARS, StarIcon } from "./star-icon";

/**
 * The guest's rating of a completed session: their stars and comment once given ("Thanks"), else the form while the
 * rating window is open (booking-core's rule, the server checks it again), else nothing.
 */
export function RatingPanel({ booking, messages: m }: { booking: CustomerBooking; messages: Messages }) {
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
