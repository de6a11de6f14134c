import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@tenang/ui/avatar";
import { buttonClassName } from "@tenang/ui/button";
import { Rating } from "@tenang/ui/rating";
import { PriceMenu } from "@/components/price-menu";
import { massageTypeName } from "@/i18n/messages";
import { getRequestMessages } from "@/i18n/request-locale";
import { bookHref } from "@/lib/booking-start";
import { getPlace } from "@/server/places/get-place";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const loadPlace = cache(getPlace);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const place = await loadPlace((await params).id);
  return place ? { title: place.name } : {};
}

/** A spa's profile: where it is, when it is open, and its price menu (each price books a visit). */
export default async function PlacePage({ params }: Props) {
  const messages = await getRequestMessages();
  const place = await loadPlace((await params).id);
  if (!place) notFound();

  return (
    <article className="flex flex-col gap-5 pb-16">
      <Link
        href="/#places-heading"
        className="inline-flex w-fit items-center gap-1 text-sm font-medium text-tenang-700 hover:underline"
      >
        <span aria-hidden="true">←</span> {messages.place.back}
      </Link>

      <header className="flex flex-col items-center gap-3 text-center">
        <Avatar src={place.photoUrl && `${place.photoUrl}?w=384`} name={place.name} size="xl" shape="square" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-sand-900" data-testid="place-name">
            {place.name}
          </h1>
          <p className="mt-1 text-sm text-sand-600">{messages.areas[place.area]}</p>
        </div>
        <Rating
          value={place.rating}
          count={place.ratingCount}
          newLabel={messages.rating.new}
          describe={messages.rating.describe}
        />
      </header>

      <PriceMenu
        prices={place.prices}
        hrefFor={(duration) => bookHref({ source: "menu", placeId: place.id, duration })}
        note={messages.place.priceMenuNote}
        messages={messages}
      />

      <div className="grid grid-cols-2 gap-3">
        <Link href={bookHref({ source: "bookNow", placeId: place.id })} className={buttonClassName({ size: "lg" })}>
          {messages.place.visitNow}
        </Link>
        <Link
          href={bookHref({ source: "scheduled", placeId: place.id })}
          className={buttonClassName({ size: "lg", variant: "secondary" })}
        >
          {messages.profile.schedule}
        </Link>
      </div>

      <dl className="grid gap-4 text-sm">
        <div>
          <dt className="font-semibold text-sand-900">{messages.place.address}</dt>
          <dd className="mt-1 text-sand-700">{place.address}</dd>
        </div>
        <div>
          <dt className="font-semibold text-sand-900">{messages.place.hours}</dt>
          <dd className="mt-1 text-sand-700">
            {messages.place.opens(place.openingHours.start, place.openingHours.end)} WITA
          </dd>
        </div>
        {place.massageTypes.length > 0 && (
          <div>
            <dt className="font-semibold text-sand-900">{messages.profile.massageTypes}</dt>
            <dd className="mt-2 flex flex-wrap gap-2">
              {place.massageTypes.map((type) => (
                <span key={type} className="rounded-full bg-tenang-50 px-3 py-1 text-tenang-800">
                  {massageTypeName(messages, type)}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
