import "server-only";
import { createAccountRepository } from "@tenang/app-server/auth/account-repository";
import * as admin from "@/server/appwrite/admin-client";
import { createSessionClient } from "@/server/appwrite/session-client";

export type { AccountUser, CreatedSession } from "@tenang/app-server/auth/account-repository";

// This app's Account and Users access: the shared repository bound to this app's Appwrite clients.
export const {
  createEmailPasswordSession,
  findUserById,
  deleteUserSession,
  findSessionUser,
  findCurrentSession,
  findCurrentSessionId,
  deleteCurrentSession,
  deleteAllSessions,
} = createAccountRepository({ admin, session: createSessionClient });
