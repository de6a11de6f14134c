import "server-only";
import type { AccountRepository } from "./account-repository";

/**
 * Ends the session behind the cookie, or with `everywhere` every session of that user (a lost phone, a shared
 * tablet). Signing out twice, or with no session, is fine. If Appwrite cannot be reached the caller still forgets
 * the cookie: on a shared phone, "signed out here" matters most.
 */
export async function logOutSession(
  accounts: Pick<AccountRepository, "deleteCurrentSession" | "deleteAllSessions">,
  secret: string | null,
  options: { everywhere?: boolean } = {},
): Promise<{ revoked: boolean }> {
  if (!secret) return { revoked: false };
  try {
    await (options.everywhere ? accounts.deleteAllSessions(secret) : accounts.deleteCurrentSession(secret));
    return { revoked: true };
  } catch (error) {
    console.error("[auth] could not revoke the session on sign-out:", error);
    return { revoked: false };
  }
}
