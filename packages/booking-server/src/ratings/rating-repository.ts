import "server-only";
// The only file that maps rating rows ($id = the booking id) and reads a provider's rating totals. Rows become
// booking-core `Rating`s here, so no $-field travels further.
import type { RatingTotals } from "@tenang/booking-core/rating";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import { type Rating, ratingSchema } from "@tenang/booking-core/schemas/rating";
import { DomainError } from "@tenang/booking-core/errors";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRowsWhereIn } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export function ratingFromRow(row: Row): Rating {
  return ratingSchema.parse({ ...row, bookingId: row.$id });
}

/** The columns of a rating row; `providerSequence` is the provider's ratingCount the rating was counted on. */
export function ratingRowData(rating: Rating, providerSequence: number): Record<string, unknown> {
  return { ...rating, providerSequence };
}

export async function findRating(ctx: BookingServerContext, bookingId: string): Promise<Rating | null> {
  const row = await getRowOrNull(ctx, TABLES.ratings, bookingId);
  return row ? ratingFromRow(row) : null;
}

/** The ratings of these bookings (only completed bookings can have one), by booking id. */
export async function findRatings(
  ctx: BookingServerContext,
  bookings: readonly Pick<Booking, "id" | "status">[],
): Promise<Map<string, Rating>> {
  const ids = bookings.filter((b) => b.status === "completed").map((b) => b.id);
  if (ids.length === 0) return new Map();
  const rows = await listRowsWhereIn(ctx, TABLES.ratings, "$id", ids);
  return new Map(rows.map((row) => [row.$id, ratingFromRow(row)]));
}

export interface RatedProvider {
  tableId: typeof TABLES.therapists | typeof TABLES.places;
  rowId: string;
  totals: RatingTotals;
  /** The provider's Appwrite user, who may read the rating (therapists with a dashboard login). */
  userId: string | null;
}

/** The therapist or spa a booking was with, and their rating totals as stored now. */
export async function loadRatedProvider(
  ctx: BookingServerContext,
  booking: Pick<Booking, "providerType" | "therapistId" | "placeId">,
): Promise<RatedProvider> {
  const target =
    booking.providerType === "place"
      ? { tableId: TABLES.places, rowId: booking.placeId }
      : { tableId: TABLES.therapists, rowId: booking.therapistId };
  const row = target.rowId === null ? null : await getRowOrNull(ctx, target.tableId, target.rowId);
  if (!row) throw new DomainError("not_found", "the provider of this booking no longer exists");
  const number = (value: unknown): number => (typeof value === "number" ? value : 0);
  return {
    tableId: target.tableId,
    rowId: row.$id,
    totals: {
      rating: number(row.rating),
      ratingCount: number(row.ratingCount),
      // Rows written before the column existed read null: booking-core derives a sum from the average.
      ratingSum: typeof row.ratingSum === "number" ? row.ratingSum : null,
    },
    userId: typeof row.userId === "string" && row.userId.length > 0 ? row.userId : null,
  };
}
