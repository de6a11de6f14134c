"use client";

// The therapist found: who, how far, how long the guest has to decide, and Accept / Find another / Cancel.
import { formatCountdown } from "@tenang/booking-core/time";
import { Avatar } from "@tenang/ui/avatar";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import { useCountdown } from "@/hooks/use-countdown";
import { languageName, type Messages } from "@/i18n/messages";
import type { CustomerBooking } from "@/lib/customer-booking";
import { ErrorLine } from "./action-error";

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
