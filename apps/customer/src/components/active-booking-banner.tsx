import { buttonClassName } from "@tenang/ui/button";
import Link from "next/link";
import type { Messages } from "@/i18n/messages";
import type { CustomerBooking } from "@/lib/customer-booking";

/** "Your booking · Finding a therapist — Open chat": the way back to a booking under way. */
export function ActiveBookingBanner({ booking, messages: m }: { booking: CustomerBooking; messages: Messages }) {
  return (
    <section
      aria-label={m.home.activeBooking}
      className="flex items-center justify-between gap-3 rounded-2xl bg-tenang-700 px-4 py-3 text-white"
      data-testid="active-booking"
    >
      <div className="min-w-0">
        <p className="text-xs text-tenang-100">{m.home.activeBooking}</p>
        <p className="truncate font-semibold">
          {m.chat.status[booking.status]}
          {booking.therapist && booking.status !== "searching" ? ` · ${booking.therapist.name}` : ""}
        </p>
      </div>
      <Link href={`/bookings/${encodeURIComponent(booking.id)}`} className={buttonClassName({ variant: "secondary" })}>
        {m.home.openChat}
      </Link>
    </section>
  );
}
