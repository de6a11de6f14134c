// SQLite has the REGEXP operator but no implementation; this supplies one (JS RegExp in place of MariaDB's PCRE).
import type { Sqlite } from "../store.ts";

const cache = new Map<string, RegExp | null>();

function compile(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, "u");
    } catch {
      re = null;
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function registerRegexp(db: Sqlite): void {
  db.function("regexp", { deterministic: true }, (pattern: unknown, value: unknown) => {
    if (typeof pattern !== "string" || value === null || value === undefined) return 0;
    const re = compile(pattern);
    return re && re.test(String(value)) ? 1 : 0;
  });
}
