import "server-only";
// The one booking-server context of this app: the API-key clients and the lifecycle settings, built once from env.
// Every booking use case (create, decide, cancel, messages, realtime token) runs with it.
import { createAppwriteClient } from "@tenang/app-server/appwrite/deadline-client";
import { createBookingServerContext, type BookingServerContext } from "@tenang/booking-server/context";
import { env } from "@/env";

let context: BookingServerContext | undefined;

export function bookingServer(): BookingServerContext {
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
  });
  return context;
}
