import { Avatar } from "@tenang/ui/avatar";
import type { Messages } from "@/i18n/messages";
import type { BookingStart } from "@/lib/booking-start";

/** Who the booking is with: the spa, the therapist picked, or "the best available therapist". */
export function ServiceProvider({ start, messages: m }: { start: BookingStart; messages: Messages }) {
  return (
    <div className="flex items-center gap-3">
      {start.place ? (
        <>
          <Avatar
            src={start.place.photoUrl && `${start.place.photoUrl}?w=96`}
            name={start.place.name}
            size="sm"
            shape="square"
          />
          <p className="text-sm">
            <span className="block font-medium text-sand-900" data-testid="service-place">
              {start.place.name}
            </span>
            <span className="text-sand-600">{start.place.address}</span>
          </p>
        </>
      ) : start.therapist ? (
        <>
          <Avatar
            src={start.therapist.photoUrl && `${start.therapist.photoUrl}?w=96`}
            name={start.therapist.name}
            size="sm"
          />
          <p className="text-sm">
            <span className="block text-xs text-sand-500">{m.service.therapist}</span>
            <span className="font-medium text-sand-900">{start.therapist.name}</span>
          </p>
        </>
      ) : (
        <p className="text-sm text-sand-700">{m.service.anyTherapist}</p>
      )}
    </div>
  );
}
