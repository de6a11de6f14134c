import { describe, expect, it } from "vitest";
import {
  aggregatePermissions,
  assertGrantable,
  isAllowed,
  parsePermission,
  permissionsParam,
  rolesWith,
} from "./permissions.ts";
import type { Principal } from "../principal.ts";

const user: Principal = {
  kind: "user",
  userId: "u1",
  sessionId: "s",
  via: "session",
  roles: ["any", "users", "user:u1"],
};
const guest: Principal = { kind: "guest", roles: ["any", "guests"] };
const key: Principal = { kind: "key", roles: [] };

describe("permissions", () => {
  it("parses the SDK's permission strings", () => {
    expect(parsePermission('read("any")')).toEqual({ action: "read", role: "any" });
    expect(parsePermission('write("user:abc/verified")')).toEqual({ action: "write", role: "user:abc/verified" });
    expect(parsePermission('update("team:t1/owner")')).toMatchObject({ role: "team:t1/owner" });
    expect(parsePermission('read("label:vip")')).toMatchObject({ role: "label:vip" });
    for (const bad of ['read("nobody")', "read(any)", 'fly("any")', 'read("user:")', 'read("label:with-dash")'])
      expect(parsePermission(bad)).toBeNull();
  });

  it("aggregates write into the allowed actions", () => {
    expect(
      aggregatePermissions(
        ['write("users")', 'read("any")', 'update("users")'],
        ["read", "create", "update", "delete"],
      ),
    ).toEqual(['create("users")', 'update("users")', 'delete("users")', 'read("any")']);
    expect(aggregatePermissions(['write("users")'], ["read", "update", "delete"])).toEqual([
      'update("users")',
      'delete("users")',
    ]);
  });

  it("validates the parameter", () => {
    expect(permissionsParam(undefined)).toBeNull();
    expect(() => permissionsParam("read")).toThrow();
    expect(() => permissionsParam(['read("nobody")'])).toThrow(/not valid/);
    expect(() => permissionsParam(['create("any")'], ["read", "update", "delete"])).toThrow(/not allowed/);
  });

  it("checks roles, with API keys bypassing", () => {
    const perms = ['read("users")', 'delete("user:u2")'];
    expect(rolesWith(perms, "read")).toEqual(["users"]);
    expect(isAllowed(user, perms, "read")).toBe(true);
    expect(isAllowed(guest, perms, "read")).toBe(false);
    expect(isAllowed(user, perms, "delete")).toBe(false);
    expect(isAllowed(key, [], "delete")).toBe(true);
  });

  it("only lets callers grant roles they hold", () => {
    expect(() => assertGrantable(user, ['read("user:u1")', 'read("any")'])).not.toThrow();
    expect(() => assertGrantable(user, ['read("user:u2")'])).toThrow(/Permissions must be one of/);
    expect(() => assertGrantable(key, ['read("user:u2")'])).not.toThrow();
  });
});
