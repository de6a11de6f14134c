import "server-only";
import { idSchema } from "@tenang/booking-core/schemas/common";
import { z } from "zod";

const blankAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

/** `?before=&after=&limit=` of GET /api/bookings/[id]/messages (chat-client's ListMessagesInput). */
export const listMessagesQuerySchema = z
  .object({
    before: z.preprocess(blankAsMissing, idSchema.optional()),
    after: z.preprocess(blankAsMissing, idSchema.optional()),
    limit: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(100).default(50)),
  })
  .refine((query) => query.before === undefined || query.after === undefined, {
    message: "before and after cannot be used together",
    path: ["after"],
  });

/**
 * `?q=&limit=` of GET /api/bookings/[id]/messages/search. The words themselves are checked by searchMessages with
 * booking-core's chatSearchTextSchema (400 with the reason), so there is one rule for them.
 */
export const searchMessagesQuerySchema = z.object({
  q: z.string(),
  limit: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(100).default(50)),
});
