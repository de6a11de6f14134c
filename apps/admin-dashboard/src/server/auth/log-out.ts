import "server-only";
import { deleteCurrentSession } from "./account-repository";

/**
 * Ends the session behind the cookie. Signing out twice, or with no session, is fine. If Appwrite cannot be
 * reached the caller still forgets the cookie: on a shared phone, "signed out here" matters most.
 */
export async function logOut(secret: string | null): Promise<{ revoked: boolean }> {
  if (!secret) return { revoked: false };
  try {
    await deleteCurrentSession(secret);
    return { revoked: true };
  } catch (error) {
    console.error("[auth] could not revoke the session on sign-out:", error);
    return { revoked: false };
  }
}
