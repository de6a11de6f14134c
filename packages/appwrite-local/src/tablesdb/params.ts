// Request parameter validation with the framework's messages: a missing required param is
// `Param "x" is not optional.`, a bad one is ``Invalid `x` param: <validator description>`` (400 general_argument_invalid).
import { AppwriteError, errors } from "../errors.ts";
import { isValidCustomId, isValidKey, KEY_DESCRIPTION, UID_DESCRIPTION } from "./ids.ts";
import { describeInvalidPermissions } from "./permissions.ts";

export type Params = Record<string, unknown>;

export function missing(name: string): AppwriteError {
  return new AppwriteError(400, "general_argument_invalid", `Param "${name}" is not optional.`);
}

export function invalid(name: string, description: string): AppwriteError {
  return errors.argumentInvalid(name, description);
}

function present(params: Params, name: string): boolean {
  return params[name] !== undefined;
}

/** Number in PHP number_format() style: thousands separators, no decimals. */
export function numberFormat(n: number | bigint): string {
  if (typeof n === "number" && !Number.isFinite(n)) return n > 0 ? "INF" : "-INF";
  const abs = typeof n === "bigint" ? (n < 0n ? -n : n) : BigInt(Math.round(Math.abs(n)));
  const digits = abs.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = typeof n === "bigint" ? n < 0n : n < 0 && Math.round(Math.abs(n)) !== 0;
  return negative ? `-${digits}` : digits;
}

export function requireString(params: Params, name: string, maxLength = 0): string {
  if (!present(params, name) || params[name] === null) throw missing(name);
  return optionalString(params, name, maxLength) as string;
}

export function optionalString(params: Params, name: string, maxLength = 0): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || (maxLength > 0 && v.length > maxLength)) {
    throw invalid(
      name,
      maxLength > 0
        ? `Value must be a valid string and no longer than ${maxLength} chars`
        : "Value must be a valid string",
    );
  }
  return v;
}

/** A required column or index key (Appwrite's "key" parameters), checked against Appwrite's key format. */
export function requireKeyParam(params: Params, name: string): string {
  if (!present(params, name)) throw missing(name);
  const v = params[name];
  if (!isValidKey(v)) throw invalid(name, KEY_DESCRIPTION);
  return v;
}

export function requireCustomId(params: Params, name: string): string {
  if (!present(params, name)) throw missing(name);
  const v = params[name];
  if (!isValidCustomId(v)) throw invalid(name, KEY_DESCRIPTION);
  return v;
}

export function optionalUid(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (!isValidKey(v)) throw invalid(name, UID_DESCRIPTION);
  return v;
}

/** Boolean param; `loose` accepts the query-string forms "true"/"false"/"1"/"0". */
export function optionalBoolean(params: Params, name: string, loose = false): boolean | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  if (loose && (v === "true" || v === "1" || v === 1)) return true;
  if (loose && (v === "false" || v === "0" || v === 0)) return false;
  throw invalid(name, "Value must be a valid boolean");
}

export function requireBoolean(params: Params, name: string): boolean {
  if (!present(params, name) || params[name] === null) throw missing(name);
  return optionalBoolean(params, name) as boolean;
}

export function optionalInteger(params: Params, name: string): number | bigint | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if ((typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint") return v;
  throw invalid(
    name,
    "Value must be a valid signed 64-bit integer between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,808",
  );
}

export function optionalFloat(params: Params, name: string): number | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  throw invalid(name, "Value must be a valid float");
}

/** Integer within [min, max] (Range validator); accepts numeric query-string values when `loose`. */
export function optionalRange(
  params: Params,
  name: string,
  min: number,
  max: number,
  loose = false,
): number | undefined {
  let v = params[name];
  if (v === undefined || v === null) return undefined;
  if (loose && typeof v === "string" && /^-?\d+$/.test(v)) v = Number(v);
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(name, `Value must be a valid range between ${numberFormat(min)} and ${numberFormat(max)}`);
  }
  return v;
}

export function optionalPermissions(params: Params, name: string, allowed: readonly string[]): string[] | null {
  const v = params[name];
  if (v === undefined || v === null) return null;
  const problem = describeInvalidPermissions(v, allowed);
  if (problem) throw invalid(name, problem);
  return v as string[];
}

export function optionalStringArray(params: Params, name: string, maxItems = 100, maxLength = 0): string[] | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  const itemDescription =
    maxLength > 0 ? ` and Value must be a valid string and at least 1 chars and no longer than ${maxLength} chars` : "";
  if (!Array.isArray(v) || v.length > maxItems)
    throw invalid(name, `Value must a valid array no longer than ${maxItems} items${itemDescription}`);
  for (const item of v) {
    if (typeof item !== "string" || (maxLength > 0 && (item.length === 0 || item.length > maxLength))) {
      throw invalid(name, `Value must a valid array no longer than ${maxItems} items${itemDescription}`);
    }
  }
  return v as string[];
}

/** The `queries` param: at most 100 strings of at most 4096 chars (APP_LIMIT_ARRAY_PARAMS_SIZE / _ELEMENT_SIZE). */
export function queryStrings(params: Params, name = "queries"): string[] {
  const v = params[name];
  if (v === undefined || v === null || v === "") return [];
  const list = typeof v === "string" ? [v] : v;
  return optionalStringArray({ [name]: list }, name, 100, 4096) ?? [];
}

export function optionalObject(params: Params, name: string): Record<string, unknown> | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") {
    try {
      const parsed: unknown = JSON.parse(v);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the validator message
    }
  }
  if (typeof v !== "object" || Array.isArray(v)) throw invalid(name, "Value must be a valid object.");
  return v as Record<string, unknown>;
}
