// Parses the query strings the Appwrite SDKs send, with `qs` (which never writes through `__proto__`): arrays are
// flattened with indices (`queries[0]=…`) or `[]`, objects with keys (`a[b]=…`), booleans as `true`/`false` strings
// (left as strings; handlers coerce). Objects come back without a prototype, and any key segment named
// `__proto__`, `constructor` or `prototype` is refused with a 400 rather than silently dropped (issue 9, finding 1).
import qs from "qs";
import { AppwriteError } from "../errors.ts";
import { assertSafeKey } from "./safe-keys.ts";

// qs turns `a[21]=…` into an object key past `arrayLimit` (default 20); Appwrite accepts up to 100 queries and the
// SDKs index every one, so the limit sits well above that. Past it (or past the parameter or depth limits) qs
// throws and we answer 400, instead of handing handlers a different shape.
const OPTIONS = {
  plainObjects: true,
  allowPrototypes: false,
  arrayLimit: 1000,
  parameterLimit: 2000,
  depth: 5,
  strictDepth: true,
  throwOnLimitExceeded: true,
} as const;

export function parseQueryString(search: string): Record<string, unknown> {
  const raw = search.startsWith("?") ? search.slice(1) : search;
  if (raw === "") return Object.create(null) as Record<string, unknown>;
  for (const [key] of new URLSearchParams(raw)) {
    for (const segment of key.split(/[[\]]+/)) assertSafeKey("query", segment);
  }
  try {
    return qs.parse(raw, OPTIONS) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof RangeError)
      throw new AppwriteError(400, "general_argument_invalid", `Invalid query string: ${err.message}`);
    throw err;
  }
}
