// SQLite's FTS5 MATCH (and some C string paths) fail on a NUL byte inside a value, which surfaced as a 500. Appwrite
// (MariaDB + PHP) refuses such query values too; we check decoded Query JSON once, before it reaches SQL.

/** True if `value` is, or contains at any depth, a string with a NUL byte. */
export function hasNulByte(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNulByte);
  if (value && typeof value === "object") return Object.values(value).some(hasNulByte);
  return false;
}
