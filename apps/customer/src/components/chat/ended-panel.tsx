"use client";

// How the booking ended, with the way forward: search again after an expiry, a new booking after a cancellation,
// and the rating of a completed session.
import { buttonClassName, Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import Link from "next/link";
import type { Messages } from "@/i18n/messages";
import type { CustomerBooking } from "@/lib/customer-booking";
import { ErrorLine } from "./action-error";
import { RatingPanel } from "./rating-panel";

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
    // booking-core records why it expired: a therapist was found and held, but the guest's decision window ran out
    // (customer_no_response), or nobody could take it. Only the latter is "no therapist is free".
    const released = booking.expiryReason === "customer_no_response";
    return (
      <Card
        className="flex flex-col gap-3"
        data-testid="ended-panel"
        data-status="expired"
        data-expiry-reason={booking.expiryReason ?? undefined}
      >
        <p className="font-semibold text-sand-900">{released ? m.ended.releasedHeading : m.ended.expiredHeading}</p>
        <p className="text-sm text-sand-600">{released ? m.ended.expiredNoResponse : m.ended.expiredBody}</p>
        <ErrorLine error={error} messages={m} />
        <Button size="lg" fullWidth onClick={onRetry} disabled={retrying} data-testid="retry-search">
          {retrying ? m.ended.retrying : released ? m.ended.searchAgain : m.ended.retry}
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
