import "server-only";
import { areaSchema, durationSchema, languageSchema, massageTypeSchema } from "@tenang/booking-core/schemas/common";
import { rupiahSchema } from "@tenang/booking-core/schemas/common";
import { z } from "zod";

const blankAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * The filters a customer can search providers by, as they arrive in a query string. One schema for the API routes
 * and the home page, so `/?area=ubud` and `/api/therapists?area=ubud` mean the same thing.
 */
export const searchInputSchema = z
  .object({
    area: z.preprocess(blankAsMissing, areaSchema.optional()),
    duration: z.preprocess(blankAsMissing, z.coerce.number().pipe(durationSchema).optional()),
    lat: z.preprocess(blankAsMissing, z.coerce.number().min(-90).max(90).optional()),
    lng: z.preprocess(blankAsMissing, z.coerce.number().min(-180).max(180).optional()),
    /** At most this price for the chosen duration (60 min when none is chosen). */
    maxPrice: z.preprocess(blankAsMissing, z.coerce.number().pipe(rupiahSchema).optional()),
    minRating: z.preprocess(blankAsMissing, z.coerce.number().min(0).max(5).optional()),
    language: z.preprocess(blankAsMissing, languageSchema.optional()),
    massageType: z.preprocess(blankAsMissing, massageTypeSchema.optional()),
    /** Therapists online and free now; spas open now. */
    available: z.preprocess(
      blankAsMissing,
      z
        .enum(["1", "true"])
        .transform(() => true)
        .optional(),
    ),
  })
  .refine((input) => (input.lat === undefined) === (input.lng === undefined), {
    message: "lat and lng must be given together",
    path: ["lng"],
  });

export type SearchInput = z.output<typeof searchInputSchema>;

/** The filters beyond area and point (the "Filters" panel), for counting and clearing them. */
export const panelFilterKeys = ["duration", "maxPrice", "minRating", "language", "massageType", "available"] as const;

/** The searched-from point, when the input has one. */
export function searchPoint(input: SearchInput): { lat: number; lng: number } | null {
  return input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
}

/** URLSearchParams or Next's page `searchParams` → a plain object (first value of a repeated key). */
export function queryToObject(query: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries =
    query instanceof URLSearchParams
      ? [...query.keys()].map((key) => [key, query.get(key)] as const)
      : Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const);
  return Object.fromEntries(entries);
}
