import "server-only";
import { AppwriteException } from "node-appwrite";
import { createAdminAccount, createAdminUsers } from "@/server/appwrite/admin-client";
import { createSessionClient } from "@/server/appwrite/session-client";

// The only file that talks to Appwrite's Account and Users services. Appwrite models become these plain objects.

export interface AccountUser {
  id: string;
  name: string;
  email: string;
  labels: string[];
}

export interface CreatedSession {
  id: string;
  userId: string;
  /** The session secret: whoever holds it acts as the user. It goes into an httpOnly cookie and nowhere else. */
  secret: string;
  expiresAt: Date;
}

const isAppwriteStatus = (error: unknown, status: number) =>
  error instanceof AppwriteException && error.code === status;

/** Signs in with email and password; null when the credentials are wrong. Needs the API key to get the secret. */
export async function createEmailPasswordSession(email: string, password: string): Promise<CreatedSession | null> {
  try {
    const session = await createAdminAccount().createEmailPasswordSession({ email, password });
    return { id: session.$id, userId: session.userId, secret: session.secret, expiresAt: new Date(session.expire) };
  } catch (error) {
    // 401 is wrong email or password; 400 is Appwrite refusing the input (e.g. a password under 8 characters).
    if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 400)) return null;
    throw error;
  }
}

export async function findUserById(userId: string): Promise<AccountUser | null> {
  try {
    const user = await createAdminUsers().get({ userId });
    return { id: user.$id, name: user.name, email: user.email, labels: user.labels };
  } catch (error) {
    if (isAppwriteStatus(error, 404)) return null;
    throw error;
  }
}

/** Revokes one session with the API key (used to undo a sign-in by someone who may not use this app). */
export async function deleteUserSession(userId: string, sessionId: string): Promise<void> {
  await createAdminUsers().deleteSession({ userId, sessionId });
}

/** The user a session secret belongs to; null when the session is expired, revoked or unknown. */
export async function findSessionUser(secret: string): Promise<AccountUser | null> {
  try {
    const user = await createSessionClient(secret).account.get();
    return { id: user.$id, name: user.name, email: user.email, labels: user.labels };
  } catch (error) {
    if (isAppwriteStatus(error, 401)) return null;
    throw error;
  }
}

/** The id of the session a secret belongs to (for minting a JWT tied to it); null when it is no longer valid. */
export async function findCurrentSessionId(secret: string): Promise<string | null> {
  try {
    const session = await createSessionClient(secret).account.getSession({ sessionId: "current" });
    return session.$id;
  } catch (error) {
    if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return null;
    throw error;
  }
}

/** Ends the session the secret belongs to. Already-ended sessions count as success. */
export async function deleteCurrentSession(secret: string): Promise<void> {
  try {
    await createSessionClient(secret).account.deleteSession({ sessionId: "current" });
  } catch (error) {
    if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return;
    throw error;
  }
}

/** Ends every session of the user the secret belongs to (all their devices). Already signed out counts as success. */
export async function deleteAllSessions(secret: string): Promise<void> {
  try {
    await createSessionClient(secret).account.deleteSessions();
  } catch (error) {
    if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return;
    throw error;
  }
}
