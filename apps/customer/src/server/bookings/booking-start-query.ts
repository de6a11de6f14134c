import "server-only";
import { bookingKindSchema, bookingSourceSchema } from "@tenang/booking-core/schemas/booking";
import { areaSchema, durationSchema, idSchema } from "@tenang/booking-core/schemas/common";
import { isWithinServiceArea } from "@tenang/booking-core/schemas/location";
import { z } from "zod";

/**
 * The /book query string (`?source=menu&therapist=…&duration=90&area=ubud`). Every field falls back on its own, so a
 * stale or hand-edited link still opens the booking form rather than an error page.
 */
export const bookingStartQuerySchema = z.object({
  source: bookingSourceSchema.catch("bookNow"),
  kind: bookingKindSchema.optional().catch(undefined),
  therapist: idSchema.optional().catch(undefined),
  place: idSchema.optional().catch(undefined),
  duration: z.coerce.number().pipe(durationSchema).optional().catch(undefined),
  area: areaSchema.optional().catch(undefined),
  lat: z.coerce.number().optional().catch(undefined),
  lng: z.coerce.number().optional().catch(undefined),
  notice: z.literal("cancelled").optional().catch(undefined),
  // Only makes the URL (and so the page's key) differ per reset; nothing reads it.
  after: idSchema.optional().catch(undefined),
});

export type BookingStartQuery = z.output<typeof bookingStartQuerySchema>;

/** The point the link carries, when it is a real point inside the served area. */
export function startPoint(query: BookingStartQuery): { lat: number; lng: number } | null {
  if (query.lat === undefined || query.lng === undefined) return null;
  const point = { lat: query.lat, lng: query.lng };
  return isWithinServiceArea(point) ? point : null;
}
