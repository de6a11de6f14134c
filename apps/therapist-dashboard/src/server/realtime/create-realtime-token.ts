import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { mintRealtimeToken } from "@tenang/booking-server/realtime/mint-realtime-token";
import { env, publicEnv } from "@/env";
import type { RealtimeTokenDto } from "@/lib/dto";
import { findCurrentSessionId } from "@/server/auth/account-repository";
import { bookingContext } from "@/server/booking/booking-context";

/**
 * A short-lived JWT tied to the caller's own session (signing out ends it), plus where the browser's socket goes:
 * the running server's public endpoint and project, so one build works against any Appwrite.
 */
export async function createRealtimeToken(args: { userId: string; secret: string }): Promise<RealtimeTokenDto> {
  const sessionId = await findCurrentSessionId(args.secret);
  if (!sessionId) throw new DomainError("unauthorized", "session expired or revoked");
  const { jwt, expiresAt } = await mintRealtimeToken(bookingContext(), { userId: args.userId, sessionId });
  return {
    jwt,
    expiresAt,
    endpoint: publicEnv.NEXT_PUBLIC_APPWRITE_ENDPOINT,
    projectId: publicEnv.NEXT_PUBLIC_APPWRITE_PROJECT_ID,
    databaseId: env.APPWRITE_DATABASE_ID,
  };
}
