import "server-only";
// What createBooking loads beside the candidates: the provider the customer picked, and the discount code.
import type { RequestedProvider } from "@tenang/booking-core/lifecycle";
import { DomainError } from "@tenang/booking-core/errors";
import type { CreateBookingInput } from "@tenang/booking-core/schemas/booking";
import { type DiscountCode, discountCodeSchema } from "@tenang/booking-core/schemas/discount-code";
import { type Place, placeSchema } from "@tenang/booking-core/schemas/place";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { getRowOrNull, listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { type TherapistSnapshot, findTherapist } from "../therapists/therapist-repository";

export interface LoadedProvider {
  provider: RequestedProvider | null;
  /** The requested therapist's row, so its lock version is the one the decision was made on. */
  therapist: TherapistSnapshot | null;
}

/** The therapist or spa named in the form, or null for "find me a therapist". Unknown ids are booking-core's 404. */
export async function loadRequestedProvider(
  ctx: BookingServerContext,
  input: CreateBookingInput,
): Promise<LoadedProvider> {
  if (input.providerType === "place" && input.placeId !== null) {
    const place = await findPlace(ctx, input.placeId);
    return { provider: place ? { type: "place", place } : null, therapist: null };
  }
  if (input.therapistId !== null) {
    const snapshot = await findTherapist(ctx, input.therapistId);
    return snapshot
      ? { provider: { type: "therapist", therapist: snapshot.therapist }, therapist: snapshot }
      : { provider: null, therapist: null };
  }
  return { provider: null, therapist: null };
}

/** A spa row as booking-core's `Place` (openingHoursStart/End → openingHours), or null. */
export async function findPlace(ctx: BookingServerContext, placeId: string): Promise<Place | null> {
  const row = await getRowOrNull(ctx, TABLES.places, placeId);
  if (!row) return null;
  return placeSchema.parse({
    ...row,
    id: row.$id,
    openingHours: { start: row.openingHoursStart ?? "09:00", end: row.openingHoursEnd ?? "21:00" },
  });
}

export interface LoadedDiscount {
  rowId: string;
  code: DiscountCode;
}

export async function findDiscountCode(ctx: BookingServerContext, code: string): Promise<LoadedDiscount | null> {
  const [row] = await listRows(ctx, TABLES.discountCodes, [Query.equal("code", code), Query.limit(1)]);
  if (!row) return null;
  const parsed = discountCodeSchema.safeParse({ ...row, id: row.$id });
  if (!parsed.success) throw new DomainError("discount_invalid", "this discount code is misconfigured");
  return { rowId: row.$id, code: parsed.data };
}
