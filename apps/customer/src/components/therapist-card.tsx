import Link from "next/link";
import { Avatar } from "@tenang/ui/avatar";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import { languageName, type Messages } from "@/i18n/messages";
import type { TherapistListing } from "@/server/therapists/therapist-listing";
import { AvailabilityBadge } from "./availability-badge";
import { PriceRow } from "./price-row";

export function TherapistCard({ therapist, messages }: { therapist: TherapistListing; messages: Messages }) {
  return (
    <Card
      as="li"
      data-testid="therapist-card"
      className="relative flex flex-col gap-4 transition-shadow hover:shadow-md"
    >
      <div className="flex items-start gap-3">
        <Avatar src={therapist.photoUrl && `${therapist.photoUrl}?w=192`} name={therapist.name} size="lg" />
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-base font-semibold text-sand-900">
            {/* The link covers the whole card (after:inset-0) so the card is one big tap target. */}
            <Link
              href={`/therapists/${encodeURIComponent(therapist.id)}`}
              className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-tenang-500"
            >
              <span data-testid="therapist-name">{therapist.name}</span>
            </Link>
          </h3>
          <p className="mt-0.5 text-sm text-sand-600">
            {messages.areas[therapist.area]}
            {therapist.distanceKm !== null && <> · {messages.distance(therapist.distanceKm)}</>}
          </p>
          <div className="mt-1.5 flex flex-wrap items-center gap-2">
            <Rating
              value={therapist.rating}
              count={therapist.ratingCount}
              newLabel={messages.rating.new}
              describe={messages.rating.describe}
            />
            <AvailabilityBadge isOnline={therapist.isOnline} isBusy={therapist.isBusy} messages={messages} />
          </div>
        </div>
      </div>
      {therapist.languages.length > 0 && (
        <p className="text-xs text-sand-600">
          {therapist.languages.map((code) => languageName(code, messages.locale)).join(" · ")}
        </p>
      )}
      <PriceRow prices={therapist.prices} messages={messages} />
    </Card>
  );
}
