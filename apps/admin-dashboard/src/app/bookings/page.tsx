import type { Metadata } from "next";
import Link from "next/link";
import { bookingStatuses } from "@tenang/booking-core/schemas/booking";
import { LATEST_BOOKINGS_LIMIT, listLatestBookings } from "@tenang/booking-server/admin/latest-bookings";
import { Badge } from "@tenang/ui/badge";
import { Card } from "@tenang/ui/card";
import { chipClassName } from "@tenang/ui/chip";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import { parseStatusFilter } from "@/lib/booking-filter";
import { money, when } from "@/lib/format";
import { bookingServer, requireSignedInUser } from "@/server/app-server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).bookings.title };
}

/** The latest bookings, filtered by status through plain links (shareable, no JavaScript needed). Read-only. */
export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireSignedInUser();
  const status = parseStatusFilter((await searchParams).status);
  const [m, locale, bookings] = await Promise.all([
    getRequestMessages(),
    getRequestLocale(),
    listLatestBookings(bookingServer(), { status }),
  ]);
  const b = m.bookings;
  const filters = [{ value: null, label: b.all }, ...bookingStatuses.map((s) => ({ value: s, label: b.status[s] }))];

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{b.title}</h1>
        <p className="mt-1 text-sm text-sand-600">{b.intro(LATEST_BOOKINGS_LIMIT)}</p>
      </div>
      <nav aria-label={b.filterLabel} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex gap-2 pb-1 md:flex-wrap">
          {filters.map((filter) => (
            <li key={filter.value ?? "all"}>
              <Link
                href={filter.value ? `/bookings?status=${filter.value}` : "/bookings"}
                aria-current={filter.value === status ? "page" : undefined}
                className={chipClassName({ selected: filter.value === status })}
                data-testid={`filter-${filter.value ?? "all"}`}
              >
                {filter.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {bookings.length === 0 ? (
        <p className="rounded-xl border border-dashed border-sand-300 px-4 py-6 text-center text-sm text-sand-500">
          {b.empty}
        </p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="booking-list">
          {bookings.map((booking) => (
            <Card
              as="li"
              key={booking.id}
              className="grid gap-1 text-sm md:grid-cols-[1.2fr_1.5fr_1fr_1fr_1.5fr] md:items-center md:gap-3"
              data-testid="booking-row"
              data-booking-id={booking.id}
              data-status={booking.status}
            >
              <div className="flex items-center justify-between gap-2 md:block">
                <span className="font-semibold text-sand-900" data-testid="booking-customer">
                  {booking.customerFirstName}
                </span>
                <Badge className="md:mt-1" data-testid="booking-status">
                  {b.status[booking.status]}
                </Badge>
              </div>
              <div className="text-sand-700">
                <span className="sr-only">{b.provider}: </span>
                <span data-testid="booking-provider">{booking.providerName ?? b.noProvider}</span>
              </div>
              <div className="font-medium text-sand-900 tabular-nums" data-testid="booking-amount">
                {money(booking.amount)}
              </div>
              <div className="text-sand-600" data-testid="booking-source">
                {b.source[booking.source]}
              </div>
              <div className="text-sand-600">
                <span className="text-sand-500">{b.created} </span>
                <time dateTime={booking.createdAt}>{when(booking.createdAt, locale)}</time>
                {booking.scheduledFor && (
                  <span className="block text-xs text-sand-500">
                    {b.scheduledFor} {when(booking.scheduledFor, locale)}
                  </span>
                )}
              </div>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
