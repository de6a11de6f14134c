import { EmptyState } from "@tenang/ui/empty-state";
import Link from "next/link";
import { buttonClassName } from "@tenang/ui/button";
import { ActiveBookingBanner } from "@/components/active-booking-banner";
import { AreaPicker } from "@/components/area-picker";
import { NearMeButton } from "@/components/near-me-button";
import { PlaceCard } from "@/components/place-card";
import { SearchFilters } from "@/components/search-filters";
import { TherapistCard } from "@/components/therapist-card";
import { getRequestMessages } from "@/i18n/request-locale";
import { bookHref } from "@/lib/booking-start";
import { getGuest } from "@/server/app-server";
import { toCustomerBooking } from "@/server/bookings/customer-booking-dto";
import { findActiveBooking } from "@/server/bookings/find-active-booking";
import { listPlaces } from "@/server/places/list-places";
import { queryToObject, searchInputSchema, searchPoint, type SearchInput } from "@/server/search/search-input";
import { listTherapists } from "@/server/therapists/list-therapists";

// Reads live data on every request; also keeps `next build` from needing Appwrite.
export const dynamic = "force-dynamic";

/** The guest's booking under way, if any. The list must show even when this lookup fails. */
async function activeBookingOrNull() {
  try {
    const view = await findActiveBooking(await getGuest());
    return view ? toCustomerBooking(view) : null;
  } catch (error) {
    console.error("[home] could not look up the active booking:", error);
    return null;
  }
}

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const messages = await getRequestMessages();
  const raw = queryToObject(await searchParams);
  // A hand-edited or stale link (`?area=bali`) shows everything rather than an error page.
  const parsed = searchInputSchema.safeParse(raw);
  const input: SearchInput = parsed.success ? parsed.data : {};
  const query: Record<string, string> = {};
  if (parsed.success) for (const [key, value] of Object.entries(raw)) if (value) query[key] = value;
  const [therapists, places, active] = await Promise.all([
    listTherapists(input),
    listPlaces(input),
    activeBookingOrNull(),
  ]);
  const point = searchPoint(input);
  const start = { area: input.area ?? null, point, duration: input.duration ?? null };
  const showAll = input.area ? (
    <Link href="/" className={buttonClassName({ variant: "secondary" })}>
      {messages.home.showAllAreas}
    </Link>
  ) : undefined;

  return (
    <div className="flex flex-col gap-6 pb-16">
      <section className="pt-2">
        <h1 className="text-3xl font-semibold tracking-tight text-sand-900">{messages.home.title}</h1>
        <p className="mt-2 max-w-sm text-base text-sand-600">{messages.home.intro}</p>
        <div className="mt-4 grid grid-cols-2 gap-3">
          <Link
            href={bookHref({ source: "bookNow", ...start })}
            className="flex flex-col rounded-2xl bg-tenang-600 px-4 py-3 text-white shadow-sm hover:bg-tenang-700"
            data-testid="book-now"
          >
            <span className="text-base font-semibold">{messages.home.bookNow}</span>
            <span className="text-xs text-tenang-100">{messages.home.bookNowHint}</span>
          </Link>
          <Link
            href={bookHref({ source: "scheduled", ...start })}
            className="flex flex-col rounded-2xl border border-sand-300 bg-white px-4 py-3 text-sand-900 hover:bg-sand-100"
            data-testid="schedule"
          >
            <span className="text-base font-semibold">{messages.home.schedule}</span>
            <span className="text-xs text-sand-600">{messages.home.scheduleHint}</span>
          </Link>
        </div>
      </section>

      {active && <ActiveBookingBanner booking={active} messages={messages} />}

      <div className="flex flex-col gap-3">
        <AreaPicker selected={input.area} messages={messages} query={query} />
        <div className="flex flex-wrap items-start gap-2">
          <NearMeButton query={query} locale={messages.locale} />
        </div>
        <SearchFilters query={query} messages={messages} />
      </div>

      <section aria-labelledby="therapists-heading" className="flex flex-col gap-3">
        <h2 id="therapists-heading" className="flex items-baseline gap-2 text-lg font-semibold text-sand-900">
          {messages.home.therapists}
          <span className="text-sm font-normal text-sand-500">{therapists.length}</span>
        </h2>
        {therapists.length > 0 ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {therapists.map((therapist) => (
              <TherapistCard key={therapist.id} therapist={therapist} messages={messages} />
            ))}
          </ul>
        ) : (
          <EmptyState
            title={messages.home.noTherapists}
            description={messages.home.noTherapistsHint}
            action={showAll}
          />
        )}
      </section>

      <section aria-labelledby="places-heading" className="flex flex-col gap-3">
        <h2 id="places-heading" className="flex items-baseline gap-2 text-lg font-semibold text-sand-900">
          {messages.home.places}
          <span className="text-sm font-normal text-sand-500">{places.length}</span>
        </h2>
        {places.length > 0 ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {places.map((place) => (
              <PlaceCard key={place.id} place={place} messages={messages} />
            ))}
          </ul>
        ) : (
          <EmptyState title={messages.home.noPlaces} description={messages.home.noPlacesHint} action={showAll} />
        )}
      </section>
    </div>
  );
}
