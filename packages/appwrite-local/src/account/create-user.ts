// Creating a user record, shared by `account.create`, `users.create` and anonymous sessions.
import { AppwriteError } from "../errors.ts";
import { formatDate } from "../time.ts";
import { hashPassword } from "../auth/password.ts";
import { uniqueId } from "./ids.ts";
import type { AccountService } from "./service.ts";
import { isUniqueViolation, type TargetRecord, type UserRecord } from "./user-repo.ts";

export interface NewUser {
  id: string;
  email?: string | null;
  phone?: string | null;
  password?: string | null;
  name?: string | null;
}

export async function createUser(service: AccountService, input: NewUser): Promise<UserRecord> {
  const now = formatDate();
  const email = input.email ? input.email.toLowerCase() : null;
  const phone = input.phone ?? null;
  const password = input.password ? await hashPassword(input.password) : null;
  const targets: TargetRecord[] = [];
  if (email) targets.push({ id: uniqueId(), createdAt: now, updatedAt: now, providerType: "email", identifier: email });
  if (phone) targets.push({ id: uniqueId(), createdAt: now, updatedAt: now, providerType: "sms", identifier: phone });
  try {
    return service.users.insert({
      id: input.id,
      createdAt: now,
      updatedAt: now,
      name: input.name ?? "",
      email,
      phone,
      password,
      passwordUpdate: password ? now : null,
      registration: now,
      status: true,
      labels: [],
      emailVerification: false,
      phoneVerification: false,
      prefs: {},
      targets,
      accessedAt: now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppwriteError(
        409,
        "user_already_exists",
        "A user with the same id, email, or phone already exists in this project.",
      );
    }
    throw err;
  }
}

/** Applies a change to a user and bumps `$updatedAt`. */
export function updateUser(
  service: AccountService,
  user: UserRecord,
  patch: Partial<Omit<UserRecord, "seq" | "id">>,
): UserRecord {
  return service.users.save({ ...user, ...patch, updatedAt: formatDate() });
}
