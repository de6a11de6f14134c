import "server-only";
// The only file that maps booking rows. Rows become booking-core `Booking`s here ($id → id, $createdAt → createdAt),
// so no $-field travels further; writes go the other way through bookingRowData.
import { DomainError } from "@tenang/booking-core/errors";
import type { CommitmentsByTherapist } from "@tenang/booking-core/dispatch";
import { type Commitment, committedStatuses } from "@tenang/booking-core/schedule";
import { isTerminal } from "@tenang/booking-core/lifecycle/status";
import { type Booking, bookingSchema, bookingStatuses } from "@tenang/booking-core/schemas/booking";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows, listRowsWhereIn } from "./rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

/** A booking as read, with what the engine needs beside the domain object. */
export interface StoredBooking {
  booking: Booking;
  /** Row permissions as stored (staff-only since issue 9; older rows lose their user reads on their next change). */
  permissions: string[];
  /** The engine's clock at the last transition (null for rows written before the column existed). */
  lastEventAt: string | null;
  idempotencyFingerprint: string | null;
}

export function bookingFromRow(row: Row): StoredBooking {
  const booking = bookingSchema.parse({ ...row, id: row.$id, createdAt: row.$createdAt, updatedAt: row.$updatedAt });
  return {
    booking,
    permissions: row.$permissions,
    lastEventAt: typeof row.lastEventAt === "string" ? new Date(row.lastEventAt).toISOString() : null,
    idempotencyFingerprint: typeof row.idempotencyFingerprint === "string" ? row.idempotencyFingerprint : null,
  };
}

/** The columns of a booking (everything but the fields Appwrite keeps itself). */
export function bookingRowData(booking: Booking): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...columns } = booking;
  return columns;
}

export async function findBooking(ctx: BookingServerContext, bookingId: string): Promise<StoredBooking | null> {
  const row = await getRowOrNull(ctx, TABLES.bookings, bookingId);
  return row ? bookingFromRow(row) : null;
}

export async function requireBooking(ctx: BookingServerContext, bookingId: string): Promise<StoredBooking> {
  const stored = await findBooking(ctx, bookingId);
  if (!stored) throw new DomainError("not_found", "booking not found");
  return stored;
}

export async function listBookings(ctx: BookingServerContext, queries: string[]): Promise<StoredBooking[]> {
  return (await listRows(ctx, TABLES.bookings, queries)).map(bookingFromRow);
}

/** The booking a customer already created with this key (unique index customerId + idempotencyKey). */
export async function findBookingByIdempotencyKey(
  ctx: BookingServerContext,
  customerId: string,
  idempotencyKey: string,
): Promise<StoredBooking | null> {
  const [found] = await listBookings(ctx, [
    Query.equal("customerId", customerId),
    Query.equal("idempotencyKey", idempotencyKey),
    Query.limit(1),
  ]);
  return found ?? null;
}

/** The customer's bookings that have not ended (for booking-core's limits on new ones). */
export async function listOpenCustomerBookings(ctx: BookingServerContext, customerId: string): Promise<Booking[]> {
  const open = bookingStatuses.filter((s) => !isTerminal(s));
  const stored = await listBookings(ctx, [
    Query.equal("customerId", customerId),
    Query.equal("status", open),
    Query.limit(100),
  ]);
  return stored.map((s) => s.booking);
}

/** How often this customer has used a discount code (each booking that named it redeemed it). */
export async function countCustomerRedemptions(
  ctx: BookingServerContext,
  customerId: string,
  code: string,
): Promise<number> {
  const { total } = await ctx.tablesDB.listRows({
    databaseId: ctx.databaseId,
    tableId: TABLES.bookings,
    queries: [Query.equal("customerId", customerId), Query.equal("discountCode", code), Query.limit(1)],
  });
  return total;
}

/** The therapists' other bookings that hold their time, for booking-core's overlap rule. */
export async function loadCommitments(
  ctx: BookingServerContext,
  therapistIds: readonly string[],
): Promise<CommitmentsByTherapist> {
  if (therapistIds.length === 0) return {};
  const rows = await listRowsWhereIn(ctx, TABLES.bookings, "therapistId", therapistIds, [
    Query.equal("status", [...committedStatuses]),
  ]);
  const byTherapist: Record<string, Commitment[]> = {};
  for (const row of rows) {
    const { booking } = bookingFromRow(row);
    if (booking.therapistId === null) continue;
    (byTherapist[booking.therapistId] ??= []).push(booking);
  }
  return byTherapist;
}
