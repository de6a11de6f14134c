// Appwrite permission strings `action("role")`: validation, `write` expansion and the authorization checks
// (docs/appwrite-protocol.md §3; utopia-php/database Helpers/Permission.php and Validator/Authorization.php).
import { errors } from "../errors.ts";
import type { Actor } from "./types.ts";

export type PermissionAction = "read" | "create" | "update" | "delete";

export const TABLE_ACTIONS = ["read", "create", "update", "delete", "write"] as const;
export const ROW_ACTIONS = ["read", "update", "delete", "write"] as const;

const PERMISSION_PATTERN = /^(read|create|update|delete|write)\("([^"]*)"\)$/;
const ROLE_NAMES = ["any", "guests", "users", "user", "team", "member", "label"];

export interface ParsedPermission {
  action: PermissionAction | "write";
  role: string;
}

export function parsePermission(permission: string): ParsedPermission | null {
  const m = PERMISSION_PATTERN.exec(permission);
  if (!m) return null;
  return { action: m[1] as ParsedPermission["action"], role: m[2]! };
}

/** Appwrite's Permissions validator; returns the failure description or null. */
export function describeInvalidPermissions(value: unknown, allowed: readonly string[]): string | null {
  if (!Array.isArray(value)) return "Permissions must be an array of strings.";
  if (value.length > 100) return "You can only provide up to 100 permissions.";
  for (const permission of value) {
    if (typeof permission !== "string") return "Every permission must be of type string.";
    if (permission === "*") return 'Wildcard permission "*" has been replaced. Use "any" instead.';
    if (permission.includes("role:")) {
      return 'Permissions using the "role:" prefix have been replaced. Use "users", "guests", or "any" instead.';
    }
    if (!allowed.some((a) => permission.startsWith(a))) {
      return `Permission "${permission}" is not allowed. Must be one of: ${allowed.join(", ")}.`;
    }
    const parsed = parsePermission(permission);
    if (!parsed) return `Invalid permission string format: "${permission}".`;
    const roleError = describeInvalidRole(parsed.role);
    if (roleError) return roleError;
  }
  return null;
}

function describeInvalidRole(role: string): string | null {
  const [head = "", dimension] = role.split("/", 2);
  const [name = "", identifier] = head.split(":", 2);
  if (!ROLE_NAMES.includes(name)) return `Role "${name}" is not allowed. Must be one of: ${ROLE_NAMES.join(", ")}.`;
  const needsId = name === "user" || name === "team" || name === "member" || name === "label";
  if (needsId && !identifier) return `Role "${name}" must have an ID value.`;
  if (!needsId && identifier !== undefined) return `Role "${name}" can not have an ID value.`;
  if (dimension !== undefined) {
    if (name === "users" || name === "user") {
      if (dimension !== "verified" && dimension !== "unverified")
        return `Only "verified" and "unverified" dimensions are allowed, got "${dimension}".`;
    } else if (name !== "team") return `Role "${name}" can not have a dimension value.`;
  }
  return null;
}

/** Expands `write` into the actions allowed here and removes duplicates, keeping first-seen order. */
export function aggregatePermissions(permissions: string[], allowed: readonly PermissionAction[]): string[] {
  const out: string[] = [];
  for (const permission of permissions) {
    const parsed = parsePermission(permission);
    if (!parsed) continue;
    if (parsed.action === "write") {
      for (const sub of ["create", "update", "delete"] as const) {
        if (allowed.includes(sub)) out.push(`${sub}("${parsed.role}")`);
      }
    } else out.push(permission);
  }
  return [...new Set(out)];
}

/** Roles granted `action` by a list of (aggregated) permission strings. */
export function rolesFor(permissions: readonly string[], action: PermissionAction): string[] {
  const roles: string[] = [];
  for (const permission of permissions) {
    const parsed = parsePermission(permission);
    if (parsed && parsed.action === action) roles.push(parsed.role);
  }
  return roles;
}

/** Authorization::isValid: throws 401 user_unauthorized with utopia's description when no role matches. */
export function authorize(actor: Actor, action: PermissionAction, permissions: readonly string[]): void {
  if (actor.isKey) return;
  const roles = rolesFor(permissions, action);
  if (roles.length === 0) throw errors.unauthorized(`No permissions provided for action '${action}'`);
  if (roles.some((r) => actor.roles.includes(r))) return;
  const last = roles[roles.length - 1];
  throw errors.unauthorized(
    `Missing "${action}" permission for role "${last}". Only "${JSON.stringify(actor.roles)}" scopes are allowed and "${JSON.stringify(roles)}" was given.`,
  );
}

export function isAuthorized(actor: Actor, action: PermissionAction, permissions: readonly string[]): boolean {
  if (actor.isKey) return true;
  return rolesFor(permissions, action).some((r) => actor.roles.includes(r));
}

/** A caller other than an API key may only hand out roles it holds itself. */
export function assertGrantable(actor: Actor, permissions: readonly string[]): void {
  if (actor.isKey) return;
  for (const permission of permissions) {
    const parsed = parsePermission(permission);
    if (parsed && !actor.roles.includes(parsed.role)) {
      throw errors.unauthorized(`Permissions must be one of: (${actor.roles.join(", ")})`);
    }
  }
}

/** Permissions a session user's new row gets when none are given. */
export function defaultRowPermissions(actor: Actor): string[] {
  if (actor.isKey || !actor.userId) return [];
  return ["read", "update", "delete"].map((a) => `${a}("user:${actor.userId}")`);
}
