import "server-only";
// The only file that maps offer rows.
import { type Offer, offerSchema } from "@tenang/booking-core/schemas/offer";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export function offerFromRow(row: Row): Offer {
  return offerSchema.parse({ ...row, id: row.$id, createdAt: row.$createdAt });
}

export function offerRowData(offer: Offer): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, ...columns } = offer;
  return columns;
}

export async function findOffer(ctx: BookingServerContext, offerId: string): Promise<Offer | null> {
  const row = await getRowOrNull(ctx, TABLES.offers, offerId);
  return row ? offerFromRow(row) : null;
}

/** A therapist's pending offers, newest first (index therapistId + status). */
export async function listPendingOfferRows(ctx: BookingServerContext, therapistId: string): Promise<Offer[]> {
  const rows = await listRows(ctx, TABLES.offers, [
    Query.equal("therapistId", therapistId),
    Query.equal("status", "pending"),
    Query.orderDesc("$createdAt"),
    Query.limit(50),
  ]);
  return rows.map(offerFromRow);
}

export async function listOffersOfBooking(ctx: BookingServerContext, bookingId: string): Promise<Offer[]> {
  const rows = await listRows(ctx, TABLES.offers, [
    Query.equal("bookingId", bookingId),
    Query.orderAsc("attempt"),
    Query.limit(100),
  ]);
  return rows.map(offerFromRow);
}
