import "server-only";
// A short-lived JWT for the browser's one direct Appwrite connection (Realtime). It carries the user's roles, so the
// socket receives exactly the rows whose read permissions name that user.
import type { BookingServerContext } from "../context";

export const REALTIME_TOKEN_SECONDS = 900;

export async function mintRealtimeToken(
  ctx: BookingServerContext,
  args: { userId: string; sessionId: string },
): Promise<{ jwt: string; expiresAt: string }> {
  const issuedAt = ctx.clock().getTime();
  const { jwt } = await ctx.users.createJWT({
    userId: args.userId,
    sessionId: args.sessionId,
    duration: REALTIME_TOKEN_SECONDS,
  });
  return { jwt, expiresAt: new Date(issuedAt + REALTIME_TOKEN_SECONDS * 1000).toISOString() };
}
