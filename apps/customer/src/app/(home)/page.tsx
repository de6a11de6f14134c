import { EmptyState } from "@tenang/ui/empty-state";
import Link from "next/link";
import { buttonClassName } from "@tenang/ui/button";
import { AreaPicker } from "@/components/area-picker";
import { PlaceCard } from "@/components/place-card";
import { TherapistCard } from "@/components/therapist-card";
import { getMessages } from "@/i18n/messages";
import { listPlaces } from "@/server/places/list-places";
import { queryToObject, searchInputSchema, type SearchInput } from "@/server/search/search-input";
import { listTherapists } from "@/server/therapists/list-therapists";

// Reads live data on every request; also keeps `next build` from needing Appwrite.
export const dynamic = "force-dynamic";

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const messages = getMessages();
  // A hand-edited or stale link (`?area=bali`) shows everything rather than an error page.
  const parsed = searchInputSchema.safeParse(queryToObject(await searchParams));
  const input: SearchInput = parsed.success ? parsed.data : {};
  const [therapists, places] = await Promise.all([listTherapists(input), listPlaces(input)]);
  const showAll = input.area ? (
    <Link href="/" className={buttonClassName({ variant: "secondary" })}>
      {messages.home.showAllAreas}
    </Link>
  ) : undefined;

  return (
    <div className="flex flex-col gap-6">
      <section className="pt-2">
        <h1 className="text-3xl font-semibold tracking-tight text-sand-900">{messages.home.title}</h1>
        <p className="mt-2 max-w-sm text-base text-sand-600">{messages.home.intro}</p>
      </section>

      <AreaPicker selected={input.area} messages={messages} />

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
