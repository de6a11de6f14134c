import "server-only";
// Operations' booking list: the newest bookings, optionally of one status, with who booked and who serves them.
// Read-only; the customer's full name, phone and address stay out of it.
import type { BookingKind, BookingSource, BookingStatus } from "@tenang/booking-core/schemas/booking";
import { Query } from "node-appwrite";
import { listBookings } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { listRowsWhereIn } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export interface AdminBookingView {
  id: string;
  status: BookingStatus;
  kind: BookingKind;
  source: BookingSource;
  customerFirstName: string;
  providerType: "therapist" | "place";
  /** The therapist holding it, or the spa; null while nobody does. */
  providerName: string | null;
  amount: number;
  scheduledFor: string | null;
  createdAt: string;
}

export const LATEST_BOOKINGS_LIMIT = 50;

async function namesOf(
  ctx: BookingServerContext,
  tableId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await listRowsWhereIn(ctx, tableId, "$id", [...new Set(ids)]);
  return new Map(rows.map((row) => [row.$id, typeof row.name === "string" ? row.name : row.$id]));
}

export async function listLatestBookings(
  ctx: BookingServerContext,
  args: { status: BookingStatus | null; limit?: number },
): Promise<AdminBookingView[]> {
  const stored = await listBookings(ctx, [
    ...(args.status ? [Query.equal("status", args.status)] : []),
    Query.orderDesc("$createdAt"),
    Query.limit(args.limit ?? LATEST_BOOKINGS_LIMIT),
  ]);
  const bookings = stored.map((s) => s.booking);
  const [therapists, places] = await Promise.all([
    namesOf(
      ctx,
      TABLES.therapists,
      bookings.flatMap((b) => (b.therapistId ? [b.therapistId] : [])),
    ),
    namesOf(
      ctx,
      TABLES.places,
      bookings.flatMap((b) => (b.placeId ? [b.placeId] : [])),
    ),
  ]);
  return bookings.map((booking) => ({
    id: booking.id,
    status: booking.status,
    kind: booking.kind,
    source: booking.source,
    customerFirstName: booking.customerName.split(" ")[0] ?? booking.customerName,
    providerType: booking.providerType,
    providerName:
      booking.providerType === "place"
        ? booking.placeId
          ? (places.get(booking.placeId) ?? null)
          : null
        : booking.therapistId
          ? (therapists.get(booking.therapistId) ?? null)
          : null,
    amount: booking.amount,
    scheduledFor: booking.scheduledFor,
    createdAt: booking.createdAt,
  }));
}
