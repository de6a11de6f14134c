// Proves list queries are answered from real SQLite indexes: 1,000,000 rows, EXPLAIN QUERY PLAN must show an index
// search (never a full `SCAN t`) for an equal filter on an indexed column, with and without row-level permissions.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { Catalog } from "./catalog.ts";
import { parseColumnCreate } from "./columns.ts";
import { parseIndexInput } from "./indexes.ts";
import { parseQueries, groupQueries } from "./query-parse.ts";
import { compileCount, compileFind } from "./query-sql.ts";
import { permsName, physicalName } from "./ddl.ts";
import { RowReads } from "./row-reads.ts";
import { RowStore } from "./row-store.ts";
import type { Actor, TableMeta } from "./types.ts";

const ROWS = 1_000_000;
const db = new Database(":memory:");
let table: TableMeta;

function plan(sql: string, params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
}

beforeAll(() => {
  const catalog = new Catalog(db);
  const database = catalog.createDatabase("main", "Main", true);
  const email = parseColumnCreate("varchar", { key: "email", size: 100, required: true });
  const age = parseColumnCreate("integer", { key: "age", required: false });
  const index = parseIndexInput({ key: "by_email", type: "key", columns: ["email"] }, [email, age], []);
  table = catalog.createTable(database, {
    id: "people",
    name: "People",
    enabled: true,
    rowSecurity: true,
    permissions: [],
    columns: [email, age],
    indexes: [index],
  });
  const t = physicalName(table.seq);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO "${t}" (_uid, _createdAt, _updatedAt, _permissions, "email", "age")
    SELECT 'r' || i, '2025-01-01T00:00:00.000+00:00', '2025-01-01T00:00:00.000+00:00',
           '["read(\\"user:u' || (i % 1000) || '\\")"]', 'user' || i || '@example.com', i % 90
    FROM n;
    INSERT INTO "${permsName(table.seq)}" (_action, _role, _row) SELECT 'read', 'user:u' || (_seq % 1000), _seq FROM "${t}";
  `);
}, 120_000);

describe("indexed list over 1,000,000 rows", () => {
  it("has the rows", () => {
    expect((db.prepare(`SELECT COUNT(*) AS c FROM "${physicalName(table.seq)}"`).get() as { c: number }).c).toBe(ROWS);
  });

  it("uses the index for an equal filter (no full scan), for the page and for the total", () => {
    const grouped = groupQueries(
      parseQueries([JSON.stringify({ method: "equal", attribute: "email", values: ["user4242@example.com"] })]),
    );
    const find = compileFind(table, { grouped, readRoles: null, cursorRow: null });
    const findPlan = plan(find.sql, find.params);
    expect(findPlan.join("\n")).toMatch(/SEARCH t USING INDEX tdb_t\d+_i\d+ \(email=\?\)/);
    expect(findPlan.some((d) => /^SCAN t\b/.test(d))).toBe(false);
    const count = compileCount(table, grouped.filters, null);
    expect(plan(count.sql, count.params).some((d) => /^SCAN t\b/.test(d))).toBe(false);
  });

  it("still uses the index when row permissions restrict the list (both permission strategies)", () => {
    const grouped = groupQueries(
      parseQueries([JSON.stringify({ method: "equal", attribute: "email", values: ["user4242@example.com"] })]),
    );
    for (const permissionStrategy of ["in", "exists"] as const) {
      const find = compileFind(table, {
        grouped,
        readRoles: ["any", "users", "user:u242"],
        cursorRow: null,
        permissionStrategy,
      });
      const details = plan(find.sql, find.params);
      expect(details.some((d) => /^SCAN t\b/.test(d))).toBe(false);
      expect(details.join("\n")).toMatch(/SEARCH t USING INDEX tdb_t\d+_i\d+ \(email=\?/);
    }
  });

  it("answers the list quickly and correctly through RowReads", () => {
    const reads = new RowReads(new RowStore(db));
    const user: Actor = { isKey: false, roles: ["any", "users", "user:u242"], userId: "u242", roleLabel: "users" };
    const queries = parseQueries([
      JSON.stringify({ method: "equal", attribute: "email", values: ["user4242@example.com"] }),
    ]);
    const started = performance.now();
    const page = reads.list(table, user, queries, true);
    const elapsed = performance.now() - started;
    expect(page.total).toBe(1);
    expect(page.rows[0]?.id).toBe("r4242");
    expect(elapsed).toBeLessThan(250);
    const other: Actor = { ...user, roles: ["any", "users", "user:u7"], userId: "u7" };
    expect(reads.list(table, other, queries, true).total).toBe(0);
  });

  it("scans when the column has no index (the check above can fail)", () => {
    const grouped = groupQueries(parseQueries([JSON.stringify({ method: "equal", attribute: "age", values: [5] })]));
    const find = compileFind(table, { grouped, readRoles: null, cursorRow: null });
    expect(plan(find.sql, find.params).some((d) => /^SCAN t\b/.test(d))).toBe(true);
  });
});
