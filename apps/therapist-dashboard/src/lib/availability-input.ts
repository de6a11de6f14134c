import { z } from "zod";

/** The body of POST /api/me/online: go online (receive offers) or offline. */
export const availabilityInputSchema = z.object({ online: z.boolean() });
