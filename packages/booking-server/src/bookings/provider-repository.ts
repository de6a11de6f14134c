import "server-only";
// What createBooking loads beside the candidates: the provider the customer picked, and the discount code.
import type { RequestedProvider } from "@tenang/booking-core/lifecycle/open-booking";
import { DomainError } from "@tenang/booking-core/errors";
import type { CreateBookingInput } from "@tenang/booking-core/schemas/booking";
import { type DiscountCode, discountCodeSchema } from "@tenang/booking-core/schemas/discount-code";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { findPlace } from "../places/place-repository";
import { listRows } from "../shared/rows";
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
