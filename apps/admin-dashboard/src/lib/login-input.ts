import { z } from "zod";

/**
 * What the sign-in form sends; the form and POST /api/auth/login validate with this same schema. The wording of
 * problems comes from the caller (the form's messages, or booking-core's error map in the route).
 */
export const loginInputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
});

export type LoginInput = z.output<typeof loginInputSchema>;
