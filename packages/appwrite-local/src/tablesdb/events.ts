// Realtime/webhook event names and channels for a row change, as Appwrite generates them for a /tablesdb database
// (A Event::generateEvents + mirrorCollectionEvents; Realtime::fromPayload). Order matches
// shared/appwrite-row-create-events.json, with the action suffix swapped for other actions.
import type { RealtimeEvent } from "../events.ts";
import { formatDate } from "../time.ts";

export type RowEventAction = "create" | "update" | "upsert" | "delete";

type Style = (d: string, t: string, r?: string) => string;

/** The three naming styles every event is mirrored in: TablesDB, legacy-tables and collections/documents. */
const STYLES: Style[] = [
  (d, t, r) => `tablesdb.${d}.tables.${t}${r === undefined ? "" : `.rows.${r}`}`,
  (d, t, r) => `databases.${d}.collections.${t}${r === undefined ? "" : `.documents.${r}`}`,
  (d, t, r) => `databases.${d}.tables.${t}${r === undefined ? "" : `.rows.${r}`}`,
];

export function rowEventNames(databaseId: string, tableId: string, rowId: string, action: RowEventAction): string[] {
  const [D, T, R] = [databaseId, tableId, rowId];
  const rowCombos: Array<[string, string, string]> = [
    [D, T, R],
    ["*", "*", "*"],
    [D, "*", R],
    ["*", "*", R],
    ["*", T, R],
    [D, T, "*"],
    ["*", T, "*"],
    [D, "*", "*"],
  ];
  const tableCombos: Array<[string, string]> = [
    [D, T],
    ["*", "*"],
    [D, "*"],
    ["*", T],
  ];
  const rowNames = rowCombos.flatMap(([d, t, r]) => STYLES.map((style) => style(d, t, r)));
  return [
    ...rowNames.map((name) => `${name}.${action}`),
    ...rowNames,
    ...tableCombos.flatMap(([d, t]) => STYLES.map((style) => style(d, t))),
    `tablesdb.${D}`,
    `databases.${D}`,
    "tablesdb.*",
    "databases.*",
  ];
}

export function rowChannels(databaseId: string, tableId: string, rowId: string, action: RowEventAction): string[] {
  const base = [
    "documents",
    `databases.${databaseId}.collections.${tableId}.documents`,
    `databases.${databaseId}.collections.${tableId}.documents.${rowId}`,
    "rows",
    `databases.${databaseId}.tables.${tableId}.rows`,
    `databases.${databaseId}.tables.${tableId}.rows.${rowId}`,
    `tablesdb.${databaseId}.tables.${tableId}.rows`,
    `tablesdb.${databaseId}.tables.${tableId}.rows.${rowId}`,
  ];
  return [...base, ...base.map((c) => `${c}.${action}`)];
}

/** Who may receive the event: table read roles, plus the row's read roles when row security is on. */
export function eventRoles(
  tableReadRoles: readonly string[],
  rowReadRoles: readonly string[],
  rowSecurity: boolean,
): string[] {
  return [...new Set([...tableReadRoles, ...(rowSecurity ? rowReadRoles : [])])];
}

export function buildRowEvent(input: {
  databaseId: string;
  tableId: string;
  rowId: string;
  action: RowEventAction;
  roles: string[];
  payload: Record<string, unknown>;
}): RealtimeEvent {
  return {
    events: rowEventNames(input.databaseId, input.tableId, input.rowId, input.action),
    channels: rowChannels(input.databaseId, input.tableId, input.rowId, input.action),
    roles: input.roles,
    timestamp: formatDate(),
    payload: input.payload,
  };
}
