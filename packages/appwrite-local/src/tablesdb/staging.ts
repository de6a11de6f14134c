// Writes that carry `transactionId` are staged instead of applied; these helpers find the caller's transaction,
// check it can take more operations, and read rows as the transaction would see them.
import type { AppwriteError } from "../errors.ts";
import type { TablesDbServices } from "./services.ts";
import type { StagedOperation, TransactionRecord } from "./transactions.ts";
import type { Actor, StoredRow, TableMeta } from "./types.ts";
import { tdbErrors } from "./tablesdb-errors.ts";

export function openTransaction(
  s: TablesDbServices,
  actor: Actor,
  transactionId: string,
  adding = 1,
  notPendingError: () => AppwriteError = tdbErrors.transactionNotReady,
): TransactionRecord {
  const record = s.txns.get(actor, transactionId);
  s.txns.assertWritable(record, adding, notPendingError);
  return record;
}

export function stageOne(
  s: TablesDbServices,
  record: TransactionRecord,
  table: TableMeta,
  op: Omit<StagedOperation, "stagedAt" | "databaseId" | "tableId">,
): void {
  s.txns.stage(record, [{ ...op, databaseId: table.databaseId, tableId: table.id }]);
}

/** The row as the transaction sees it (its staged operations applied), or undefined. */
export function stagedRow(
  s: TablesDbServices,
  record: TransactionRecord,
  table: TableMeta,
  rowId: string,
): StoredRow | undefined {
  return s.txns.withStagedState(record, () => {
    const current = s.catalog.refresh(table) ?? table;
    return s.ops.rows(current).getById(rowId);
  });
}

export function notPendingBadRequest(): AppwriteError {
  return tdbErrors.badRequest("Invalid or non\u2011pending transaction");
}
