import "server-only";
// The rows one change writes, committed as ONE Appwrite transaction: createTransaction → each write staged with
// `transactionId` → updateTransaction({commit:true}). Either every write lands or none does. A lock row among them
// (a $id that only one writer may create) turns "two writers from the same version" into a 409 at commit, which is
// reported as `conflict` so the caller can re-read and re-decide.
import type { BookingServerContext } from "../context";
import { isConflict, isLimitExceeded } from "./appwrite-errors";

type Data = Record<string, unknown>;

export type RowWrite =
  | { op: "create" | "upsert"; tableId: string; rowId: string; data: Data; permissions: string[] }
  | { op: "update"; tableId: string; rowId: string; data: Data; permissions?: string[] }
  | { op: "increment"; tableId: string; rowId: string; column: string; value: number; max?: number };

export class WriteSet {
  private readonly writes: RowWrite[] = [];

  create(tableId: string, rowId: string, data: Data, permissions: string[] = []): this {
    this.writes.push({ op: "create", tableId, rowId, data, permissions });
    return this;
  }

  upsert(tableId: string, rowId: string, data: Data, permissions: string[] = []): this {
    this.writes.push({ op: "upsert", tableId, rowId, data, permissions });
    return this;
  }

  /** Updates merge per row, so every row is written once (Appwrite replays operations in order, but one is simpler). */
  update(tableId: string, rowId: string, data: Data, permissions?: string[]): this {
    const existing = this.writes.find(
      (w): w is Extract<RowWrite, { op: "update" }> => w.op === "update" && w.tableId === tableId && w.rowId === rowId,
    );
    if (existing) {
      Object.assign(existing.data, data);
      if (permissions) existing.permissions = permissions;
    } else {
      this.writes.push({ op: "update", tableId, rowId, data: { ...data }, permissions });
    }
    return this;
  }

  increment(tableId: string, rowId: string, column: string, value: number, max?: number): this {
    this.writes.push({ op: "increment", tableId, rowId, column, value, max });
    return this;
  }

  get size(): number {
    return this.writes.length;
  }

  list(): readonly RowWrite[] {
    return this.writes;
  }
}

export type CommitResult = { ok: true } | { ok: false; reason: "conflict" | "limit_exceeded" };

/** Commits the set atomically. Conflicts (409) and exceeded increment limits come back as results, not exceptions. */
export async function commitWriteSet(ctx: BookingServerContext, set: WriteSet): Promise<CommitResult> {
  const { tablesDB, databaseId } = ctx;
  const transaction = await tablesDB.createTransaction({ ttl: 60 });
  const transactionId = transaction.$id;
  let committed = false;
  try {
    // Staged one by one, in order: the transaction log is replayed in this order at commit.
    for (const w of set.list()) {
      const base = { databaseId, tableId: w.tableId, rowId: w.rowId, transactionId };
      switch (w.op) {
        case "create":
          await tablesDB.createRow({ ...base, data: w.data, permissions: w.permissions });
          break;
        case "upsert":
          await tablesDB.upsertRow({ ...base, data: w.data, permissions: w.permissions });
          break;
        case "update":
          await tablesDB.updateRow({ ...base, data: w.data, permissions: w.permissions });
          break;
        case "increment":
          await tablesDB.incrementRowColumn({ ...base, column: w.column, value: w.value, max: w.max });
          break;
      }
    }
    await tablesDB.updateTransaction({ transactionId, commit: true });
    committed = true;
    return { ok: true };
  } catch (error) {
    if (isConflict(error)) return { ok: false, reason: "conflict" };
    if (isLimitExceeded(error)) return { ok: false, reason: "limit_exceeded" };
    throw error;
  } finally {
    // A failed commit already marks the transaction failed; one abandoned while staging is rolled back (best effort,
    // it would expire with its ttl anyway).
    if (!committed) await tablesDB.updateTransaction({ transactionId, rollback: true }).catch(() => undefined);
  }
}
