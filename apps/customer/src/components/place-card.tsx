import Link from "next/link";
import { Avatar } from "@tenang/ui/avatar";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import type { Messages } from "@/i18n/messages";
import type { PlaceListing } from "@/server/places/place-listing";
import { PriceRow } from "./price-row";

export function PlaceCard({ place, messages }: { place: PlaceListing; messages: Messages }) {
  return (
    <Card as="li" data-testid="place-card" className="relative flex flex-col gap-4 transition-shadow hover:shadow-md">
      <div className="flex items-start gap-3">
        <Avatar src={place.photoUrl && `${place.photoUrl}?w=192`} name={place.name} size="lg" shape="square" />
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-base font-semibold text-sand-900">
            {/* The link covers the whole card (after:inset-0) so the card is one big tap target. */}
            <Link
              href={`/places/${encodeURIComponent(place.id)}`}
              className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-tenang-500"
            >
              <span data-testid="place-name">{place.name}</span>
            </Link>
          </h3>
          <p className="mt-0.5 truncate text-sm text-sand-600">
            {messages.areas[place.area]}
            {place.distanceKm !== null && <> · {messages.distance(place.distanceKm)}</>}
          </p>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1">
            <Rating
              value={place.rating}
              count={place.ratingCount}
              newLabel={messages.rating.new}
              describe={messages.rating.describe}
            />
            <span className="text-xs text-sand-600">
              {messages.place.opens(place.openingHours.start, place.openingHours.end)}
            </span>
          </div>
        </div>
      </div>
      <p className="-mt-1 text-xs text-sand-500">{place.address}</p>
      <PriceRow prices={place.prices} messages={messages} />
    </Card>
  );
}
