// Row writes with Appwrite's semantics (utopia-php/database createDocument/updateDocument/upsertDocuments/
// deleteDocument/increaseDocumentAttribute): defaults, validation, permission checks, no-op detection and dates.
// Callers run these inside one SQLite transaction and publish events only after it commits.
import { AppwriteError } from "../errors.ts";
import { formatDate } from "../time.ts";
import { normaliseInteger } from "./json.ts";
import {
  aggregatePermissions,
  assertGrantable,
  authorize,
  defaultRowPermissions,
  type PermissionAction,
} from "./permissions.ts";
import { DuplicateRowError, type RowStore, type TableRows, UniqueViolationError } from "./row-store.ts";
import { describeInvalidRow } from "./structure.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import { normaliseDateTime, toStorage, valuesEqual } from "./values.ts";
import type { Actor, ColumnMeta, StoredRow, TableMeta } from "./types.ts";

/** Thrown when a staged operation finds its row changed after it was staged. */
export class ConflictError extends Error {}

export interface WriteOptions {
  /** Staged-operation time: an existing row updated after it is a conflict (transactions). */
  notModifiedAfter?: string;
}

const ALWAYS_READONLY = [
  "$id",
  "$sequence",
  "$tableId",
  "$databaseId",
  "$collection",
  "$collectionId",
  "$tenant",
  "$permissions",
];

/** Request data minus read-only attributes; `$createdAt`/`$updatedAt` survive only for API keys. */
export function sanitiseData(data: Record<string, unknown>, actor: Actor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (ALWAYS_READONLY.includes(k)) continue;
    if ((k === "$createdAt" || k === "$updatedAt") && !actor.isKey) continue;
    out[k] = v;
  }
  return out;
}

function rowPermissionList(table: TableMeta, row: StoredRow | undefined, action: PermissionAction): string[] {
  return [...table.permissions, ...(table.rowSecurity && row ? row.permissions : [])].filter((p) =>
    p.startsWith(`${action}(`),
  );
}

export class RowOps {
  constructor(private readonly store: RowStore) {}

  rows(table: TableMeta): TableRows {
    return this.store.rows(table);
  }

  /** Create permission and grantable roles, checked before staging as well as before writing. */
  checkCreate(table: TableMeta, actor: Actor, permissions: readonly string[]): void {
    assertGrantable(actor, permissions);
    authorize(actor, "create", table.permissions);
  }

  /** Permissions a new row gets: the aggregated given list, or the caller's defaults. */
  resolveNewPermissions(actor: Actor, given: string[] | null): string[] {
    return given === null ? defaultRowPermissions(actor) : aggregatePermissions(given, ["read", "update", "delete"]);
  }

  create(
    table: TableMeta,
    actor: Actor,
    input: { id: string; data: Record<string, unknown>; permissions: string[] },
  ): StoredRow {
    this.checkCreate(table, actor, input.permissions);
    const doc = applyDefaults(table.columns, input.data);
    validate(table, doc, input.data);
    const now = formatDate();
    const createdAt = normaliseDateTime(input.data.$createdAt) ?? now;
    const updatedAt = normaliseDateTime(input.data.$updatedAt) ?? now;
    const rows = this.store.rows(table);
    let seq: number;
    try {
      seq = rows.insert({
        id: input.id,
        createdAt,
        updatedAt,
        permissions: input.permissions,
        values: storageValues(table.columns, doc),
      });
    } catch (err) {
      throw mapWriteError(err, input.id);
    }
    return {
      seq,
      id: input.id,
      createdAt,
      updatedAt,
      permissions: input.permissions,
      data: apiValues(table.columns, doc),
    };
  }

  update(
    table: TableMeta,
    actor: Actor,
    rowId: string,
    data: Record<string, unknown>,
    permissions: string[] | null,
    options: WriteOptions = {},
  ): { row: StoredRow; changed: boolean } {
    const rows = this.store.rows(table);
    const old = rows.getById(rowId);
    if (!old) throw tdbErrors.rowNotFound(rowId);
    const nextPermissions =
      permissions === null ? old.permissions : aggregatePermissions(permissions, ["read", "update", "delete"]);
    if (permissions !== null) assertGrantable(actor, nextPermissions);
    const merged = applyDefaults(table.columns, { ...old.data, ...data });
    return this.write(table, actor, rows, old, merged, data, nextPermissions, options);
  }

  upsert(
    table: TableMeta,
    actor: Actor,
    rowId: string,
    data: Record<string, unknown>,
    permissions: string[] | null,
    options: WriteOptions = {},
  ): { row: StoredRow; created: boolean; changed: boolean } {
    const rows = this.store.rows(table);
    const old = rows.getById(rowId);
    if (!old) {
      const perms = this.resolveNewPermissions(actor, permissions);
      return { row: this.create(table, actor, { id: rowId, data, permissions: perms }), created: true, changed: true };
    }
    const nextPermissions =
      permissions === null ? old.permissions : aggregatePermissions(permissions, ["read", "update", "delete"]);
    if (permissions !== null) assertGrantable(actor, nextPermissions);
    // Optional columns left out keep their values; required ones must be sent again (upsertDocuments).
    const merged: Record<string, unknown> = { ...data };
    for (const c of table.columns) if (!c.required && !(c.key in merged)) merged[c.key] = old.data[c.key];
    const result = this.write(
      table,
      actor,
      rows,
      old,
      applyDefaults(table.columns, merged),
      data,
      nextPermissions,
      options,
      false,
    );
    return { ...result, created: false };
  }

  /** Shared tail of update/upsert: change detection, authorization, validation and the write itself. */
  private write(
    table: TableMeta,
    actor: Actor,
    rows: TableRows,
    old: StoredRow,
    merged: Record<string, unknown>,
    given: Record<string, unknown>,
    permissions: string[],
    options: WriteOptions,
    readFallback = true,
  ): { row: StoredRow; changed: boolean } {
    const permissionsChanged = !samePermissions(old.permissions, permissions);
    const createdAt = normaliseDateTime(given.$createdAt);
    const requestedUpdatedAt = normaliseDateTime(given.$updatedAt);
    const changed =
      permissionsChanged ||
      table.columns.some((c) => !valuesEqual(apiValue(c, merged[c.key]), old.data[c.key] ?? null)) ||
      (createdAt !== null && createdAt !== old.createdAt) ||
      (requestedUpdatedAt !== null && requestedUpdatedAt !== old.updatedAt);
    if (changed || !readFallback) authorize(actor, "update", rowPermissionList(table, old, "update"));
    else authorize(actor, "read", rowPermissionList(table, old, "read"));
    validate(table, { ...merged, $createdAt: given.$createdAt, $updatedAt: given.$updatedAt }, given);
    if (options.notModifiedAfter && old.updatedAt > options.notModifiedAfter) throw new ConflictError(old.id);
    if (!changed) return { row: old, changed: false };
    const updatedAt = requestedUpdatedAt ?? formatDate();
    const next: StoredRow = {
      seq: old.seq,
      id: old.id,
      createdAt: createdAt ?? old.createdAt,
      updatedAt,
      permissions,
      data: apiValues(table.columns, merged),
    };
    try {
      rows.update(
        old.seq,
        { createdAt: next.createdAt, updatedAt, permissions, values: storageValues(table.columns, merged) },
        permissionsChanged,
      );
    } catch (err) {
      throw mapWriteError(err, old.id);
    }
    return { row: next, changed: true };
  }

  delete(table: TableMeta, actor: Actor, rowId: string, options: WriteOptions = {}): StoredRow {
    const rows = this.store.rows(table);
    const old = rows.getById(rowId);
    if (!old) throw tdbErrors.rowNotFound(rowId);
    authorize(actor, "delete", rowPermissionList(table, old, "delete"));
    if (options.notModifiedAfter && old.updatedAt > options.notModifiedAfter) throw new ConflictError(old.id);
    rows.delete(old.seq);
    return old;
  }

  /** increment/decrement: value > 0, numeric non-array column, bound checked against the current value. */
  adjust(
    table: TableMeta,
    actor: Actor,
    rowId: string,
    columnKey: string,
    value: number,
    bound: number | null,
    direction: "increment" | "decrement",
    options: WriteOptions = {},
  ): StoredRow {
    if (!(value > 0))
      throw new AppwriteError(400, "general_argument_invalid", "Value must be numeric and greater than 0");
    const column = table.columns.find((c) => c.key === columnKey);
    if (!column) throw tdbErrors.columnNotFound(columnKey);
    if (!["integer", "bigint", "double"].includes(column.type) || column.array) {
      throw tdbErrors.attributeTypeInvalid(`tablesDB "${columnKey}" is not a number`);
    }
    const rows = this.store.rows(table);
    const old = rows.getById(rowId);
    if (!old) throw tdbErrors.columnNotFound(columnKey);
    authorize(actor, "update", rowPermissionList(table, old, "update"));
    const current = old.data[columnKey];
    const next = addNumbers(current, direction === "increment" ? value : -value);
    if (bound !== null) {
      const exceeded = direction === "increment" ? Number(next) > bound : Number(next) < bound;
      if (exceeded) {
        throw tdbErrors.columnLimitExceeded(
          `tablesDB "${columnKey}" has reached the ${direction === "increment" ? "maximum" : "minimum"} value of ${bound}`,
        );
      }
    }
    if (options.notModifiedAfter && old.updatedAt > options.notModifiedAfter) throw new ConflictError(old.id);
    const data = { ...old.data, [columnKey]: next };
    const updatedAt = formatDate();
    rows.update(
      old.seq,
      { createdAt: old.createdAt, updatedAt, permissions: old.permissions, values: storageValues(table.columns, data) },
      false,
    );
    return { ...old, updatedAt, data };
  }
}

function addNumbers(current: unknown, delta: number): number | bigint {
  if (typeof current === "bigint")
    return Number.isInteger(delta) ? normaliseInteger(current + BigInt(delta)) : Number(current) + delta;
  const base = typeof current === "number" ? current : 0;
  return base + delta;
}

function samePermissions(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.every((v, i) => v === sb[i]);
}

/** A null or missing value takes the column default (Database::encode). bigint strings become integers. */
function applyDefaults(columns: readonly ColumnMeta[], data: Record<string, unknown>): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...data };
  for (const c of columns) {
    let v = doc[c.key];
    if ((v === null || v === undefined) && c.default !== null && c.default !== undefined) v = c.default;
    if (c.type === "bigint" && !c.array && typeof v === "string" && /^-?\d+$/.test(v)) {
      const big = BigInt(v);
      if (big >= -(2n ** 63n) && big < 2n ** 63n) v = normaliseInteger(big);
    }
    doc[c.key] = v ?? null;
  }
  return doc;
}

function validate(table: TableMeta, doc: Record<string, unknown>, given: Record<string, unknown>): void {
  const problem = describeInvalidRow(table.columns, doc, Object.keys(given));
  if (problem) throw tdbErrors.rowInvalidStructure(problem);
}

function apiValue(column: ColumnMeta, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (column.type !== "datetime") return v;
  return Array.isArray(v) ? v.map((x) => normaliseDateTime(x)) : normaliseDateTime(v);
}

function apiValues(columns: readonly ColumnMeta[], doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.key] = apiValue(c, doc[c.key]);
  return out;
}

function storageValues(columns: readonly ColumnMeta[], doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.key] = toStorage(c, doc[c.key]);
  return out;
}

function mapWriteError(err: unknown, id: string): unknown {
  if (err instanceof DuplicateRowError) return tdbErrors.rowAlreadyExists(id);
  if (err instanceof UniqueViolationError) return tdbErrors.rowUniqueViolation();
  return err;
}
