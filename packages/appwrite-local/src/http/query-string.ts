// Parses the query strings the Appwrite SDKs send: arrays are flattened with indices (`queries[0]=…`),
// objects with keys (`a[b]=…`), booleans as `true`/`false` strings (left as strings; handlers coerce).
export function parseQueryString(search: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const params = new URLSearchParams(search);
  for (const [rawKey, value] of params) {
    const path = rawKey.split(/[[\]]+/).filter((p, i) => p !== "" || i === 0);
    if (rawKey.endsWith("[]")) path.push("");
    assign(out, path, value);
  }
  return normaliseArrays(out) as Record<string, unknown>;
}

function assign(target: Record<string, unknown>, path: string[], value: string) {
  let cur: Record<string, unknown> = target;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    if (last) {
      if (key === "") {
        const idx = Object.keys(cur).length;
        cur[String(idx)] = value;
      } else cur[key] = value;
    } else {
      const next = cur[key];
      if (typeof next !== "object" || next === null) cur[key] = {};
      cur = cur[key] as Record<string, unknown>;
    }
  }
}

// Objects whose keys are exactly 0..n-1 become arrays.
function normaliseArrays(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj)) obj[k] = normaliseArrays(obj[k]);
  const keys = Object.keys(obj);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    const sorted = keys.map(Number).sort((a, b) => a - b);
    if (sorted.every((n, i) => n === i)) return sorted.map((n) => obj[String(n)]);
  }
  return obj;
}
