// Parameter validation with Appwrite's error wording: 400 general_argument_invalid, ``Invalid `x` param: <desc>``,
// and `Param "x" is not optional.` for a missing required one. Used by the account, users and storage routes.
// Values come from JSON bodies, multipart fields (strings) or query strings (strings), so booleans and integers
// also accept their string forms.
import { AppwriteError, errors } from "../errors.ts";
import { ID_PATTERN, uniqueId } from "./ids.ts";

type Input = Record<string, unknown>;

const ID_DESC =
  "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char";

export function missing(key: string): AppwriteError {
  return new AppwriteError(400, "general_argument_invalid", `Param "${key}" is not optional.`);
}

function present(input: Input, key: string): boolean {
  return input[key] !== undefined && input[key] !== null;
}

/** A client-chosen ID or `unique()`, which becomes a generated ID. */
export function customIdParam(input: Input, key: string): string {
  if (!present(input, key)) throw missing(key);
  const v = input[key];
  if (v === "unique()") return uniqueId();
  if (typeof v !== "string" || !ID_PATTERN.test(v)) throw errors.argumentInvalid(key, ID_DESC);
  return v;
}

/** An existing resource's ID (path parameters). */
export function uidParam(value: string | undefined, key: string): string {
  if (value === undefined) throw missing(key);
  if (!ID_PATTERN.test(value)) throw errors.argumentInvalid(key, ID_DESC);
  return value;
}

export function textParam(
  input: Input,
  key: string,
  opts: { max: number; min?: number; optional?: boolean },
): string | undefined {
  if (!present(input, key)) {
    if (opts.optional) return undefined;
    throw missing(key);
  }
  const v = input[key];
  const min = opts.min ?? 0;
  if (typeof v !== "string" || v.length < min || v.length > opts.max) {
    const atLeast = min > 0 ? ` and at least ${min} chars` : "";
    throw errors.argumentInvalid(key, `Value must be a valid string${atLeast} and no longer than ${opts.max} chars`);
  }
  return v;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailParam(input: Input, key: string, optional = false): string | undefined {
  if (!present(input, key)) {
    if (optional) return undefined;
    throw missing(key);
  }
  const v = input[key];
  if (typeof v !== "string" || v.length > 254 || !EMAIL_RE.test(v))
    throw errors.argumentInvalid(key, "Value must be a valid email address");
  return v;
}

/** E.164, as Appwrite's Phone validator: a leading '+' and at most 15 digits. */
export function phoneParam(input: Input, key: string, optional = false): string | undefined {
  if (!present(input, key)) {
    if (optional) return undefined;
    throw missing(key);
  }
  const v = input[key];
  if (typeof v !== "string" || !/^\+[1-9]\d{6,14}$/.test(v)) {
    throw errors.argumentInvalid(key, "Phone number must start with a '+' can have a maximum of fifteen digits.");
  }
  return v;
}

export function passwordParam(input: Input, key: string, optional = false): string | undefined {
  if (!present(input, key)) {
    if (optional) return undefined;
    throw missing(key);
  }
  const v = input[key];
  if (typeof v !== "string" || v.length < 8 || v.length > 256) {
    throw errors.argumentInvalid(key, "Password must be between 8 and 256 characters long.");
  }
  return v;
}

export function booleanParam(input: Input, key: string, fallback?: boolean): boolean {
  if (!present(input, key)) {
    if (fallback !== undefined) return fallback;
    throw missing(key);
  }
  const v = input[key];
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw errors.argumentInvalid(key, "Value must be a valid boolean");
}

export function integerParam(input: Input, key: string, opts: { min: number; max: number; fallback?: number }): number {
  if (!present(input, key)) {
    if (opts.fallback !== undefined) return opts.fallback;
    throw missing(key);
  }
  const raw = input[key];
  const v = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof v !== "number" || !Number.isInteger(v) || v < opts.min || v > opts.max) {
    throw errors.argumentInvalid(
      key,
      `Value must be a valid range between ${opts.min.toLocaleString("en-US")} and ${opts.max.toLocaleString("en-US")}`,
    );
  }
  return v;
}

export function stringArrayParam(
  input: Input,
  key: string,
  opts: { maxItems: number; maxLength: number; pattern?: RegExp; patternDesc?: string; fallback?: string[] },
): string[] {
  if (!present(input, key)) {
    if (opts.fallback) return opts.fallback;
    throw missing(key);
  }
  const v = input[key];
  const itemDesc = `Value must be a valid string and at least 1 chars and no longer than ${opts.maxLength} chars${opts.patternDesc ?? ""}`;
  const desc = `Value must a valid array no longer than ${opts.maxItems} items and ${itemDesc}`;
  if (!Array.isArray(v) || v.length > opts.maxItems) throw errors.argumentInvalid(key, desc);
  for (const item of v) {
    if (
      typeof item !== "string" ||
      item.length < 1 ||
      item.length > opts.maxLength ||
      (opts.pattern && !opts.pattern.test(item))
    ) {
      throw errors.argumentInvalid(key, desc);
    }
  }
  return v as string[];
}

/** The `queries` list parameter: at most 100 strings of at most 4096 characters. */
export function queriesParam(input: Input, key = "queries"): string[] {
  const v = input[key];
  if (v === undefined || v === null || v === "") return [];
  const list = Array.isArray(v) ? v : [v];
  if (list.length > 100 || list.some((q) => typeof q !== "string" || q.length > 4096)) {
    throw errors.argumentInvalid(
      key,
      "Value must a valid array no longer than 100 items and Value must be a valid string and no longer than 4096 chars",
    );
  }
  return list as string[];
}

export function assocParam(input: Input, key: string): Record<string, unknown> {
  if (!present(input, key)) throw missing(key);
  const v = input[key];
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw errors.argumentInvalid(key, "Value must be a valid object.");
  if (JSON.stringify(v).length > 65535)
    throw errors.argumentInvalid(key, "Value must be a valid object no longer than 65535 chars.");
  return v as Record<string, unknown>;
}
