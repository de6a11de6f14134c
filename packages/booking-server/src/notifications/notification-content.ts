import "server-only";
// What a push shows: title, body and the page a tap opens, in the device's language. The body is booking-core's
// sentence for the notification (the one source of that wording); the title and the link depend on who gets it.
import type { Notification } from "@tenang/booking-core/system-messages";
import { renderNotification } from "@tenang/booking-core/system-messages";
import { areaLabels } from "@tenang/booking-core/labels";
import type { Locale } from "@tenang/booking-core/locale";
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { splitCommission } from "@tenang/booking-core/revenue";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import { formatDateTime } from "@tenang/booking-core/time";
import { nearestArea } from "../views";

/** The JSON the service worker (apps' public/sw.js) turns into a notification. */
export interface PushPayload {
  title: string;
  body: string;
  /** A same-origin path the tap opens. */
  url: string;
  /** Same tag = the newer notification replaces the older one on the device (one per booking, one per offer). */
  tag: string;
  /** Stays on screen until answered: offers, which run out in a minute. */
  requireInteraction: boolean;
  /** Vibration pattern in ms; empty = the device's default. */
  vibrate: number[];
  /** The notification row, so the service worker can report delivery and the tap (receipt route). */
  id?: string;
}

const OFFER_VIBRATION = [400, 200, 400, 200, 800];

const titles: Record<Notification["key"], Record<Locale, string>> = {
  new_offer: { en: "New booking request", id: "Permintaan pemesanan baru" },
  offer_withdrawn: { en: "Request withdrawn", id: "Permintaan ditarik" },
  customer_confirmed: { en: "Booking confirmed", id: "Pemesanan dikonfirmasi" },
  customer_chose_another: { en: "Customer chose another therapist", id: "Pelanggan memilih terapis lain" },
  therapist_found: { en: "Therapist found", id: "Terapis ditemukan" },
  booking_confirmed: { en: "Booking confirmed", id: "Pemesanan dikonfirmasi" },
  booking_cancelled: { en: "Booking cancelled", id: "Pemesanan dibatalkan" },
  booking_expired: { en: "Search ended", id: "Pencarian berakhir" },
  status_update: { en: "Booking update", id: "Kabar pemesanan" },
  payment_due: { en: "Commission due", id: "Komisi jatuh tempo" },
  payment_overdue: { en: "Commission overdue", id: "Komisi lewat jatuh tempo" },
  account_restricted: { en: "Account restricted", id: "Akun dibatasi" },
  restriction_lifted: { en: "Account active again", id: "Akun aktif kembali" },
  taken_offline: { en: "You are offline", id: "Anda offline" },
};

// The customer's "status_update" covers several steps; the booking says which one, so the push can too.
const customerStatusTitles: Partial<Record<Booking["status"], Record<Locale, string>>> = {
  on_the_way: { en: "Your therapist is on the way", id: "Terapis Anda sedang menuju" },
  arrived: { en: "Your therapist has arrived", id: "Terapis Anda sudah tiba" },
  in_progress: { en: "Your session has started", id: "Sesi Anda sudah dimulai" },
  completed: { en: "Session completed", id: "Sesi selesai" },
};

function minutesLeft(deadline: string | null, now: Date): number | null {
  if (deadline === null) return null;
  return Math.max(1, Math.ceil((Date.parse(deadline) - now.getTime()) / 60_000));
}

export interface ContentInput {
  notification: Notification;
  locale: Locale;
  /** The booking after the change (null for account-wide notifications: restriction, commission). */
  booking: Pick<
    Booking,
    "id" | "status" | "customerDecisionDeadline" | "currentOfferId" | "expiryReason" | "lat" | "lng"
  > | null;
  now: Date;
}

export function pushContentFor(input: ContentInput): PushPayload {
  const { notification, locale, booking, now } = input;
  const bookingId = booking?.id ?? null;
  let title = titles[notification.key][locale];
  let body = renderNotification(notification, { locale });
  // Both apps show a booking at /bookings/<id>.
  let url = bookingId === null ? "/" : `/bookings/${bookingId}`;
  let tag = bookingId === null ? notification.key : `booking-${bookingId}`;
  let requireInteraction = false;
  let vibrate: number[] = [];

  switch (notification.key) {
    case "new_offer": {
      // Payout (what the therapist earns), the area and the deadline: enough to decide from the lock screen.
      const payout = splitCommission(notification.params.amount).payout;
      const area = booking ? nearestArea(booking) : null;
      const until = formatDateTime(notification.params.expiresAt, { locale, style: "time" });
      const minutes = `${notification.params.duration} ${locale === "id" ? "menit" : "min"}`;
      const where = area ? ` · ${areaLabels[area]}` : "";
      title = `${titles.new_offer[locale]} · ${formatRupiah(payout, locale)}`;
      body =
        locale === "id"
          ? `${minutes}${where}. Pendapatan Anda ${formatRupiah(payout, locale)}. Tanggapi sebelum ${until}.`
          : `${minutes}${where}. You earn ${formatRupiah(payout, locale)}. Respond by ${until}.`;
      url = "/";
      // The offer id, as the dashboard's own in-page notification uses: one notification per offer, not two.
      tag = booking?.currentOfferId ?? `offer-${bookingId ?? "place"}`;
      requireInteraction = true;
      vibrate = OFFER_VIBRATION;
      break;
    }
    case "therapist_found": {
      const minutes = booking ? minutesLeft(booking.customerDecisionDeadline, now) : null;
      if (minutes !== null) {
        body =
          locale === "id"
            ? `Ada terapis yang tersedia. Putuskan dalam ${minutes} menit, atau terapis akan dilepas.`
            : `A therapist is available. Decide within ${minutes} min, or the therapist is released.`;
      }
      requireInteraction = true;
      vibrate = [300, 150, 300];
      break;
    }
    case "booking_expired":
      // The decision window ran out: the therapist was found, and released because nobody answered in time.
      if (booking?.expiryReason === "customer_no_response") {
        title = locale === "id" ? "Terapis dilepas" : "Therapist released";
        body =
          locale === "id"
            ? "Anda tidak menjawab tepat waktu, jadi terapis dilepas. Buka Tenang untuk mencari lagi."
            : "Nobody answered in time, so the therapist was released. Open Tenang to search again.";
      }
      break;
    case "status_update": {
      const specific = booking ? customerStatusTitles[booking.status] : undefined;
      if (specific) title = specific[locale];
      break;
    }
    case "payment_due":
    case "payment_overdue":
    case "account_restricted":
    case "restriction_lifted":
      url = "/earnings";
      tag = notification.key === "restriction_lifted" ? "account_restricted" : notification.key;
      break;
    case "taken_offline":
      url = "/";
      break;
    default:
      break;
  }
  return { title, body, url, tag, requireInteraction, vibrate };
}
