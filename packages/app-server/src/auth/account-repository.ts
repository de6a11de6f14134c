import "server-only";
import { Account, AppwriteException, type Client, Users } from "node-appwrite";
import type { SessionServices } from "../appwrite/session-client";

// The only code that talks to Appwrite's Account and Users services. Appwrite models become these plain objects.

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

export interface CurrentSession {
  id: string;
  userId: string;
  /** When the person signed in: session lifetimes count from here. */
  createdAt: Date;
}

export interface AccountRepository {
  /** Signs in with email and password; null when the credentials are wrong. Needs the API key to get the secret. */
  createEmailPasswordSession(email: string, password: string): Promise<CreatedSession | null>;
  findUserById(userId: string): Promise<AccountUser | null>;
  /** Revokes one session with the API key (used to undo a sign-in by someone who may not use this app). */
  deleteUserSession(userId: string, sessionId: string): Promise<void>;
  /** The user a session secret belongs to; null when the session is expired, revoked or unknown. */
  findSessionUser(secret: string): Promise<AccountUser | null>;
  /** The session a secret belongs to; null when it is expired, revoked or unknown. */
  findCurrentSession(secret: string): Promise<CurrentSession | null>;
  /** The id of the session a secret belongs to (for minting a JWT tied to it); null when it is no longer valid. */
  findCurrentSessionId(secret: string): Promise<string | null>;
  /** Ends the session the secret belongs to. Already-ended sessions count as success. */
  deleteCurrentSession(secret: string): Promise<void>;
  /** Ends every session of the user the secret belongs to (all their devices). Already signed out counts as success. */
  deleteAllSessions(secret: string): Promise<void>;
}

const isAppwriteStatus = (error: unknown, status: number) =>
  error instanceof AppwriteException && error.code === status;

export function createAccountRepository(appwrite: {
  /** The process's API-key client (built once, shared with the booking engine). */
  adminClient: () => Client;
  /** A client acting as the holder of a session secret, per request. */
  session: (secret: string) => SessionServices;
}): AccountRepository {
  const { adminClient, session: sessionFor } = appwrite;
  // With an API key, Account can create sessions for a user (and returns the session secret).
  const admin = {
    createAdminAccount: () => new Account(adminClient()),
    createAdminUsers: () => new Users(adminClient()),
  };
  return {
    async createEmailPasswordSession(email, password) {
      try {
        const session = await admin.createAdminAccount().createEmailPasswordSession({ email, password });
        return { id: session.$id, userId: session.userId, secret: session.secret, expiresAt: new Date(session.expire) };
      } catch (error) {
        // 401 is wrong email or password; 400 is Appwrite refusing the input (e.g. a password under 8 characters).
        if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 400)) return null;
        throw error;
      }
    },

    async findUserById(userId) {
      try {
        const user = await admin.createAdminUsers().get({ userId });
        return { id: user.$id, name: user.name, email: user.email, labels: user.labels };
      } catch (error) {
        if (isAppwriteStatus(error, 404)) return null;
        throw error;
      }
    },

    async deleteUserSession(userId, sessionId) {
      await admin.createAdminUsers().deleteSession({ userId, sessionId });
    },

    async findSessionUser(secret) {
      try {
        const user = await sessionFor(secret).account.get();
        return { id: user.$id, name: user.name, email: user.email, labels: user.labels };
      } catch (error) {
        if (isAppwriteStatus(error, 401)) return null;
        throw error;
      }
    },

    async findCurrentSession(secret) {
      try {
        const session = await sessionFor(secret).account.getSession({ sessionId: "current" });
        return { id: session.$id, userId: session.userId, createdAt: new Date(session.$createdAt) };
      } catch (error) {
        if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return null;
        throw error;
      }
    },

    async findCurrentSessionId(secret) {
      try {
        const session = await sessionFor(secret).account.getSession({ sessionId: "current" });
        return session.$id;
      } catch (error) {
        if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return null;
        throw error;
      }
    },

    async deleteCurrentSession(secret) {
      try {
        await sessionFor(secret).account.deleteSession({ sessionId: "current" });
      } catch (error) {
        if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return;
        throw error;
      }
    },

    async deleteAllSessions(secret) {
      try {
        await sessionFor(secret).account.deleteSessions();
      } catch (error) {
        if (isAppwriteStatus(error, 401) || isAppwriteStatus(error, 404)) return;
        throw error;
      }
    },
  };
}
