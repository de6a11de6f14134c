import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@tenang/ui/avatar";
import { buttonClassName } from "@tenang/ui/button";
import { Rating } from "@tenang/ui/rating";
import { AvailabilityBadge } from "@/components/availability-badge";
import { PriceMenu } from "@/components/price-menu";
import { languageName, massageTypeName } from "@/i18n/messages";
import { getRequestMessages } from "@/i18n/request-locale";
import { bookHref } from "@/lib/booking-start";
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
  const messages = await getRequestMessages();
  const therapist = await loadTherapist((await params).id);
  if (!therapist) notFound();

  return (
    <article className="flex flex-col gap-5 pb-16">
      <Link
        href="/"
        className="inline-flex w-fit items-center gap-1 text-sm font-medium text-tenang-700 hover:underline"
      >
        <span aria-hidden="true">←</span> {messages.profile.back}
      </Link>

      <header className="flex flex-col items-center gap-3 text-center">
        <Avatar src={therapist.photoUrl && `${therapist.photoUrl}?w=384`} name={therapist.name} size="xl" />
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

      <PriceMenu
        prices={therapist.prices}
        hrefFor={(duration) => bookHref({ source: "menu", therapistId: therapist.id, duration })}
        note={messages.profile.priceMenuNote}
        messages={messages}
      />

      <div className="grid grid-cols-2 gap-3">
        <Link
          href={bookHref({ source: "bookNow", therapistId: therapist.id })}
          className={buttonClassName({ size: "lg" })}
          data-testid="profile-book-now"
        >
          {messages.home.bookNow}
        </Link>
        <Link
          href={bookHref({ source: "scheduled", therapistId: therapist.id })}
          className={buttonClassName({ size: "lg", variant: "secondary" })}
        >
          {messages.profile.schedule}
        </Link>
      </div>

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
            <dd className="mt-1 text-sand-700">
              {therapist.languages.map((code) => languageName(code, messages.locale)).join(", ")}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
