// A customer's rating of a completed booking: 1–5 stars and an optional comment. One per booking (the rating's id is
// the booking's). Who may rate, and until when, is rating.ts.
import * as z from "zod";
import { withMessage } from "../validation";
import { bookingIdSchema, idSchema, providerTypeSchema, utcDateTimeSchema } from "./common";

export const MAX_RATING_COMMENT_LENGTH = 500;

/** Whole stars, 1 to 5. */
export const ratingStarsSchema = z.number().int().min(1).max(5);

const commentSchema = z
  .string()
  .trim()
  .max(MAX_RATING_COMMENT_LENGTH)
  .nullish()
  // An empty or all-blank comment is no comment.
  .transform((v) => v || null);

/** The rating form, and the body of its route handler. */
export const rateBookingInputSchema = z.object({
  stars: ratingStarsSchema,
  comment: commentSchema,
});
export type RateBookingInput = z.infer<typeof rateBookingInputSchema>;

/** A rating as stored. The provider fields are the booking's (a therapist or a spa, never both). */
export const ratingSchema = z
  .object({
    bookingId: bookingIdSchema,
    providerType: providerTypeSchema,
    therapistId: idSchema.nullable(),
    placeId: idSchema.nullable(),
    customerId: idSchema,
    stars: ratingStarsSchema,
    comment: z.string().max(MAX_RATING_COMMENT_LENGTH).nullable(),
    createdAt: utcDateTimeSchema,
  })
  .refine((r) => (r.providerType === "place" ? r.placeId !== null : r.therapistId !== null), {
    ...withMessage("provider_required"),
    path: ["providerType"],
  });
export type Rating = z.infer<typeof ratingSchema>;
