import "server-only";
import { createBookingServerContext, type BookingServerContext } from "@tenang/booking-server/context";
import { env } from "@/env";

let context: BookingServerContext | undefined;

/** The booking engine's context for this app (sign-in throttles today; bookings and commissions next). */
export function bookingContext(): BookingServerContext {
  context ??= createBookingServerContext({
    endpoint: env.APPWRITE_ENDPOINT,
    projectId: env.APPWRITE_PROJECT_ID,
    apiKey: env.APPWRITE_API_KEY,
    databaseId: env.APPWRITE_DATABASE_ID,
  });
  return context;
}
