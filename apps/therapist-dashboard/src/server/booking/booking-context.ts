import "server-only";
import { createAppwriteClient } from "@tenang/app-server/appwrite/deadline-client";
import { createBookingServerContext, type BookingServerContext } from "@tenang/booking-server/context";
import { env, pushSettings, whatsAppSettings } from "@/env";

let context: BookingServerContext | undefined;

/** The booking engine's context for this app: built once per server process from src/env.ts. */
export function bookingContext(): BookingServerContext {
  context ??= createBookingServerContext({
    endpoint: env.APPWRITE_ENDPOINT,
    projectId: env.APPWRITE_PROJECT_ID,
    apiKey: env.APPWRITE_API_KEY,
    databaseId: env.APPWRITE_DATABASE_ID,
    // Every engine call gets the same deadline as the app's own (issue 9, finding 7).
    client: createAppwriteClient({
      endpoint: env.APPWRITE_ENDPOINT,
      projectId: env.APPWRITE_PROJECT_ID,
      timeoutMs: env.APPWRITE_TIMEOUT_MS,
    }),
    offerWindowSeconds: env.OFFER_WINDOW_SECONDS,
    push: pushSettings,
    whatsapp: whatsAppSettings,
  });
  return context;
}
