// The Row model: `$id, $sequence (string), $tableId, $databaseId, $createdAt, $updatedAt, $permissions`, then the
// columns in column order (unset ones as null). A select keeps the `$` fields and only the selected columns.
import type { StoredRow, TableMeta } from "./types.ts";

export function rowToJson(
  table: TableMeta,
  row: StoredRow,
  selects: readonly string[] | null = null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    $id: row.id,
    $sequence: String(row.seq),
    $tableId: table.id,
    $databaseId: table.databaseId,
    $createdAt: row.createdAt,
    $updatedAt: row.updatedAt,
    $permissions: row.permissions,
  };
  const all = selects === null || selects.includes("*");
  for (const c of table.columns) {
    if (all || selects.includes(c.key)) out[c.key] = row.data[c.key] ?? null;
  }
  return out;
}

/** What a staged (transaction) write answers with: the data it would write, with empty system fields. */
export function mockRowJson(
  table: TableMeta,
  rowId: string,
  data: Record<string, unknown>,
  base?: StoredRow,
): Record<string, unknown> {
  const out: Record<string, unknown> = base
    ? rowToJson(table, base)
    : {
        $id: rowId,
        $sequence: "",
        $tableId: table.id,
        $databaseId: table.databaseId,
        $createdAt: "",
        $updatedAt: "",
        $permissions: [],
      };
  for (const [k, v] of Object.entries(data)) {
    if (k === "$id" || k === "$sequence" || k === "$tableId" || k === "$databaseId") continue;
    out[k] = v;
  }
  out.$id = rowId;
  return out;
}
