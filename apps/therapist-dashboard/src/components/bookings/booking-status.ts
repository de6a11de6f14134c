import type { BookingStatus } from "@tenang/booking-core/schemas/booking";
import type { BadgeTone } from "@tenang/ui/badge";

export function statusTone(status: BookingStatus): BadgeTone {
  switch (status) {
    case "completed":
    case "confirmed":
    case "on_the_way":
    case "arrived":
    case "in_progress":
      return "success";
    case "therapist_found":
    case "searching":
      return "warning";
    case "cancelled":
    case "expired":
      return "danger";
  }
}
