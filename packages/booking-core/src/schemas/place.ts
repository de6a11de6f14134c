// A place (spa) as stored. Customers go to the place, so there is no dispatch and no travel.
import * as z from "zod";
import { e164Schema } from "../phone";
import {
  areaSchema,
  idSchema,
  latitudeSchema,
  longitudeSchema,
  massageTypeSchema,
  rupiahSchema,
  workingHoursSchema,
} from "./common";

export const placeSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(128),
  area: areaSchema,
  address: z.string().trim().min(1).max(300),
  lat: latitudeSchema,
  lng: longitudeSchema,
  photoFileId: idSchema.nullable(),
  rating: z.number().min(0).max(5),
  ratingCount: z.number().int().min(0),
  price60: rupiahSchema.nullable(),
  price90: rupiahSchema.nullable(),
  price120: rupiahSchema.nullable(),
  massageTypes: z.array(massageTypeSchema),
  openingHours: workingHoursSchema,
  whatsapp: e164Schema.nullable(),
  /** Like therapists, a place with overdue commission receives no bookings. */
  isRestricted: z.boolean().default(false),
  restrictedReason: z.string().max(255).nullable().default(null),
});
export type Place = z.infer<typeof placeSchema>;
