import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { durations } from "@tenang/booking-core/money";
import { Avatar } from "@tenang/ui/avatar";
import { Card } from "@tenang/ui/card";
import { PriceTag } from "@tenang/ui/price-tag";
import { Rating } from "@tenang/ui/rating";
import { AvailabilityBadge } from "@/components/availability-badge";
import { formatPrice } from "@/i18n/format-price";
import { getMessages, languageName, massageTypeName } from "@/i18n/messages";
import { getTherapist } from "@/server/therapists/get-therapist";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page ask for the same therapist; cache() makes that one Appwrite read per request.
const loadTherapist = cache(getTherapist);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const therapist = await loadTherapist((await params).id);
  return therapist ? { title: therapist.name } : {};
}

export default async function TherapistPage({ params }: Props) {
  const messages = getMessages();
  const therapist = await loadTherapist((await params).id);
  if (!therapist) notFound();

  return (
    <article className="flex flex-col gap-5">
      <Link
        href="/"
        className="inline-flex w-fit items-center gap-1 text-sm font-medium text-tenang-700 hover:underline"
      >
        <span aria-hidden="true">←</span> {messages.profile.back}
      </Link>

      <header className="flex flex-col items-center gap-3 text-center">
        <Avatar src={therapist.photoUrl} name={therapist.name} size="xl" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-sand-900" data-testid="therapist-name">
            {therapist.name}
          </h1>
          <p className="mt-1 text-sm text-sand-600">{messages.areas[therapist.area]}</p>
        </div>
        <div className="flex flex-wrap items-center justify-center gap-2">
          <Rating
            value={therapist.rating}
            count={therapist.ratingCount}
            newLabel={messages.rating.new}
            describe={messages.rating.describe}
          />
          <AvailabilityBadge isOnline={therapist.isOnline} isBusy={therapist.isBusy} messages={messages} />
        </div>
      </header>

      <Card as="section" aria-labelledby="price-menu-heading" data-testid="price-menu">
        <h2 id="price-menu-heading" className="text-base font-semibold text-sand-900">
          {messages.profile.priceMenu}
        </h2>
        <div className="mt-1 divide-y divide-sand-100">
          {durations.map((minutes) => (
            <PriceTag
              key={minutes}
              layout="row"
              duration={messages.duration(minutes)}
              price={formatPrice(messages, therapist.prices[minutes])}
              unavailableLabel={messages.notOffered}
            />
          ))}
        </div>
        <p className="mt-2 text-xs text-sand-500">{messages.profile.priceMenuNote}</p>
      </Card>

      {therapist.bio && (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" className="text-base font-semibold text-sand-900">
            {messages.profile.about}
          </h2>
          <p className="mt-1 text-sm leading-relaxed text-sand-700">{therapist.bio}</p>
        </section>
      )}

      <dl className="grid gap-4 text-sm">
        {therapist.massageTypes.length > 0 && (
          <div>
            <dt className="font-semibold text-sand-900">{messages.profile.massageTypes}</dt>
            <dd className="mt-2 flex flex-wrap gap-2">
              {therapist.massageTypes.map((type) => (
                <span key={type} className="rounded-full bg-tenang-50 px-3 py-1 text-tenang-800">
                  {massageTypeName(messages, type)}
                </span>
              ))}
            </dd>
          </div>
        )}
        {therapist.languages.length > 0 && (
          <div>
            <dt className="font-semibold text-sand-900">{messages.profile.languages}</dt>
            <dd className="mt-1 text-sand-700">{therapist.languages.map((code) => languageName(code)).join(", ")}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
