import { getOverview } from "@tenang/booking-server/admin/get-overview";
import { Stat } from "@tenang/ui/stat";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import { requireSignedInUser } from "@/server/auth/get-signed-in-user";
import { bookingContext } from "@/server/booking/booking-context";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const messages = await getRequestMessages();
  const locale = await getRequestLocale();
  const user = await requireSignedInUser();
  const overview = await getOverview(bookingContext());
  const format = (value: number) => value.toLocaleString(locale);

  return (
    <div className="flex flex-col gap-5 pt-2">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{messages.home.title}</h1>
        <p className="mt-1 text-sm text-sand-600" data-testid="signed-in-as">
          {messages.home.greeting(user.name || user.email)}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={messages.home.therapists} value={format(overview.therapists)} data-testid="count-therapists" />
        <Stat
          label={messages.home.onlineTherapists}
          value={format(overview.onlineTherapists)}
          hint={messages.home.onlineHint(overview.therapists)}
          data-testid="count-online-therapists"
        />
        <Stat label={messages.home.places} value={format(overview.places)} data-testid="count-places" />
        <Stat
          label={messages.home.bookings}
          value={format(overview.bookings)}
          hint={messages.home.bookingsHint}
          data-testid="count-bookings"
        />
      </dl>
    </div>
  );
}
