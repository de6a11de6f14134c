// The Appwrite roles a principal holds (Appwrite `User::getRoles`; protocol §3 "Roles held by each principal").
// `any` is always held. No teams in this emulator, so no team:/member: roles.

export interface RoleSubject {
  id: string;
  labels: readonly string[];
  emailVerification: boolean;
  phoneVerification: boolean;
}

export const GUEST_ROLES: readonly string[] = ["any", "guests"];

export function rolesForUser(user: RoleSubject): string[] {
  // Anonymous users have neither email nor phone, so they are never verified.
  const dimension = user.emailVerification || user.phoneVerification ? "verified" : "unverified";
  const roles = ["any", "users", `user:${user.id}`, `users/${dimension}`, `user:${user.id}/${dimension}`];
  for (const label of user.labels) roles.push(`label:${label}`);
  return roles;
}
