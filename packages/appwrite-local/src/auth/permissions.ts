// Appwrite permission strings: `action("role")` (protocol §3). Parsing, validation, `write` aggregation and the
// authorization checks shared by storage (and usable by any other module).
import type { Principal } from "../principal.ts";
import { type AppwriteError, errors } from "../errors.ts";

export type PermissionAction = "read" | "create" | "update" | "delete";
const ACTIONS = ["read", "create", "update", "delete", "write"] as const;
type AnyAction = (typeof ACTIONS)[number];

const PERMISSION_RE = /^([a-z]+)\("([^"]*)"\)$/;
const ID_RE = "[A-Za-z0-9][A-Za-z0-9._-]{0,35}";
const ROLE_RE = new RegExp(
  `^(?:any|guests|users(?:/(?:verified|unverified))?|user:${ID_RE}(?:/(?:verified|unverified))?|team:${ID_RE}(?:/[A-Za-z0-9._-]{1,81})?|member:${ID_RE}|label:[A-Za-z0-9]{1,36})$`,
);

export interface ParsedPermission {
  action: AnyAction;
  role: string;
}

export function parsePermission(value: string): ParsedPermission | null {
  const m = PERMISSION_RE.exec(value);
  if (!m) return null;
  const action = m[1] as AnyAction;
  const role = m[2]!;
  if (!(ACTIONS as readonly string[]).includes(action) || !ROLE_RE.test(role)) return null;
  return { action, role };
}

/**
 * Validates a `permissions` parameter. `undefined`/`null` mean "not given" and return null.
 * `allowed` limits the actions (files and rows cannot carry `create`).
 */
export function permissionsParam(
  value: unknown,
  allowed: readonly PermissionAction[] = ["read", "create", "update", "delete"],
): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value))
    throw errors.argumentInvalid("permissions", "Value must be a valid array and Permission must be of type string.");
  if (value.length > 100)
    throw errors.argumentInvalid("permissions", "Value must be a valid array no longer than 100 items");
  for (const item of value) {
    if (typeof item !== "string") throw errors.argumentInvalid("permissions", "Permission must be of type string.");
    const parsed = parsePermission(item);
    if (!parsed) throw errors.argumentInvalid("permissions", `Permission "${item}" is not valid.`);
    if (parsed.action !== "write" && !allowed.includes(parsed.action)) {
      throw errors.argumentInvalid(
        "permissions",
        `Permission "${parsed.action}" is not allowed. Must be one of: ${[...allowed, "write"].join(", ")}.`,
      );
    }
  }
  return aggregatePermissions(value as string[], allowed);
}

/** Expands `write` into the allowed ones of create/update/delete and removes duplicates (Appwrite Permission::aggregate). */
export function aggregatePermissions(permissions: readonly string[], allowed: readonly PermissionAction[]): string[] {
  const out = new Set<string>();
  for (const p of permissions) {
    const parsed = parsePermission(p);
    if (!parsed) continue;
    if (parsed.action === "write") {
      for (const a of ["create", "update", "delete"] as const)
        if (allowed.includes(a)) out.add(`${a}("${parsed.role}")`);
    } else out.add(`${parsed.action}("${parsed.role}")`);
  }
  return [...out];
}

/** The roles granted `action` by a permission list (after aggregation). */
export function rolesWith(permissions: readonly string[], action: PermissionAction): string[] {
  const roles: string[] = [];
  for (const p of permissions) {
    const parsed = parsePermission(p);
    if (parsed && (parsed.action === action || (parsed.action === "write" && action !== "read")))
      roles.push(parsed.role);
  }
  return roles;
}

/** True if the caller holds one of the roles `permissions` grants for `action`. API keys bypass authorization. */
export function isAllowed(principal: Principal, permissions: readonly string[], action: PermissionAction): boolean {
  if (principal.kind === "key") return true;
  const granted = rolesWith(permissions, action);
  return granted.some((r) => principal.roles.includes(r));
}

/** The `user_unauthorized` error Appwrite's Authorization validator describes. */
export function authorizationError(
  principal: Principal,
  permissions: readonly string[],
  action: PermissionAction,
): AppwriteError {
  const granted = rolesWith(permissions, action);
  if (granted.length === 0) return errors.unauthorized(`No permissions provided for action '${action}'`);
  return errors.unauthorized(
    `Missing "${action}" permission for role "${principal.roles[0] ?? "guests"}". Only "${JSON.stringify(granted)}" scopes are allowed and "${JSON.stringify(principal.roles)}" was given.`,
  );
}

/** A non-key caller may only grant roles it holds itself (protocol §3 "Default and allowed permissions"). */
export function assertGrantable(principal: Principal, permissions: readonly string[]): void {
  if (principal.kind === "key") return;
  for (const p of permissions) {
    const parsed = parsePermission(p);
    if (parsed && !principal.roles.includes(parsed.role)) {
      throw errors.unauthorized(`Permissions must be one of: (${principal.roles.join(", ")})`);
    }
  }
}

/** The permissions a session user's new resource gets when none are given; keys and guests get none. */
export function defaultOwnerPermissions(principal: Principal, actions: readonly PermissionAction[]): string[] {
  if (principal.kind !== "user") return [];
  return actions.map((a) => `${a}("user:${principal.userId}")`);
}
