// A therapist as stored (the field names are the database's) and the profile form a therapist fills in.
import * as z from "zod";
import { e164Schema, indonesianMobileSchema } from "../phone";
import { withMessage } from "../validation";
import {
  areaSchema,
  genderSchema,
  idSchema,
  languageSchema,
  latitudeSchema,
  longitudeSchema,
  massageTypeSchema,
  rupiahSchema,
  utcDateTimeSchema,
  workingHoursSchema,
} from "./common";
import { personNameSchema } from "./person";

const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).transform((list) => [...new Set(list)] as z.output<T>[]);

export const therapistSchema = z.object({
  id: idSchema,
  userId: idSchema.nullable(),
  name: z.string().trim().min(1).max(128),
  gender: genderSchema,
  bio: z
    .string()
    .max(2000)
    .nullish()
    .transform((v) => v ?? ""),
  photoFileId: idSchema.nullable(),
  languages: uniqueList(languageSchema),
  massageTypes: uniqueList(massageTypeSchema),
  area: areaSchema,
  lat: latitudeSchema,
  lng: longitudeSchema,
  serviceRadiusKm: z.number().positive().max(100),
  price60: rupiahSchema.nullable(),
  price90: rupiahSchema.nullable(),
  price120: rupiahSchema.nullable(),
  rating: z.number().min(0).max(5),
  ratingCount: z.number().int().min(0),
  acceptanceRate: z.number().min(0).max(1),
  whatsapp: e164Schema,
  isOnline: z.boolean(),
  isBusy: z.boolean(),
  isRestricted: z.boolean(),
  restrictedReason: z.string().max(255).nullable(),
  missedOffersInRow: z.number().int().min(0),
  lastBookingAt: utcDateTimeSchema.nullable(),
  workingHours: workingHoursSchema,
});
export type Therapist = z.infer<typeof therapistSchema>;

const hasAPrice = (v: { price60: number | null; price90: number | null; price120: number | null }) =>
  v.price60 !== null || v.price90 !== null || v.price120 !== null;

/** The therapist dashboard's profile form (and the body of its route handler). */
export const therapistProfileInputSchema = z
  .object({
    name: personNameSchema,
    gender: genderSchema,
    bio: z.string().trim().max(2000).default(""),
    languages: uniqueList(languageSchema).pipe(z.array(languageSchema).min(1)),
    massageTypes: uniqueList(massageTypeSchema).pipe(z.array(massageTypeSchema).min(1)),
    area: areaSchema,
    lat: latitudeSchema,
    lng: longitudeSchema,
    serviceRadiusKm: z.number().min(1).max(50),
    price60: rupiahSchema.nullable(),
    price90: rupiahSchema.nullable(),
    price120: rupiahSchema.nullable(),
    whatsapp: indonesianMobileSchema,
    workingHours: workingHoursSchema,
  })
  .refine(hasAPrice, { ...withMessage("price_required"), path: ["price60"] });
export type TherapistProfileInput = z.infer<typeof therapistProfileInputSchema>;
