// Row validation against the table's columns, in the order and with the messages of utopia-php/database's Structure
// validator: required columns first, then unknown keys, then each value's type/format ("Invalid document structure: …").
import { isIP } from "node:net";
import { numberFormat } from "./params.ts";
import { parseDateTime } from "./values.ts";
import type { ColumnMeta } from "./types.ts";

interface Validator {
  isValid(value: unknown): boolean;
  description: string;
}

const DATE_DESCRIPTION = "Value must be valid date between 0000-01-01 00:00:00 and 9999-12-31 00:00:00.";
const INT64_DESCRIPTION =
  "Value must be a valid signed 64-bit integer between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,808";
const BIGINT_DESCRIPTION =
  "Value must be a valid signed 64-bit integer between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807";
const INT32_DESCRIPTION = "Value must be a valid signed 32-bit integer between -2,147,483,648 and 2,147,483,647";
const MAX_INT32 = 2147483647n;
const MAX_INT64 = 2n ** 63n - 1n;

function asBigInt(value: unknown): bigint | null {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  return null;
}

const validators = {
  datetime: { isValid: (v: unknown) => parseDateTime(v) !== null, description: DATE_DESCRIPTION },
  boolean: { isValid: (v: unknown) => typeof v === "boolean", description: "Value must be a valid boolean" },
  float: {
    isValid: (v: unknown) => typeof v === "number" && Number.isFinite(v),
    description: "Value must be a valid float",
  },
} satisfies Record<string, Validator>;

export const formatValidators = {
  email: {
    isValid: (v: unknown) => typeof v === "string" && v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    description: "Value must be a valid email address",
  },
  ip: {
    isValid: (v: unknown) => typeof v === "string" && isIP(v) !== 0,
    description: "Value must be a valid IP address",
  },
  url: {
    isValid: (v: unknown) => typeof v === "string" && /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/i.test(v),
    description: "Value must be a valid URL",
  },
} satisfies Record<string, Validator>;

function text(size: number): Validator {
  return {
    isValid: (v) => typeof v === "string" && [...v].length <= size,
    description:
      size > 0 ? `Value must be a valid string and no longer than ${size} chars` : "Value must be a valid string",
  };
}

function byteLength(max: number): Validator {
  return {
    isValid: (v) => typeof v === "string" && Buffer.byteLength(v, "utf8") <= max,
    description: `Value must be a valid string no longer than ${max} bytes`,
  };
}

function integerBits(bits: 32 | 64): Validator {
  const limit = bits === 32 ? MAX_INT32 : MAX_INT64;
  return {
    isValid: (v) => {
      const n = asBigInt(v);
      return n !== null && n >= -limit - 1n && n <= limit;
    },
    description: bits === 32 ? INT32_DESCRIPTION : INT64_DESCRIPTION,
  };
}

function range(min: number | bigint, max: number | bigint, integer: boolean): Validator {
  return {
    isValid: (v) => {
      if (integer) {
        const n = asBigInt(v);
        return n !== null && n >= BigInt(min) && n <= BigInt(max);
      }
      return typeof v === "number" && v >= Number(min) && v <= Number(max);
    },
    description: `Value must be a valid range between ${numberFormat(min)} and ${numberFormat(max)}`,
  };
}

const validatorCache = new WeakMap<ColumnMeta, { label: "type" | "format"; list: Validator[] }>();

/** The validators Structure runs for one column value, in order, and the label its messages use (cached per column). */
function columnValidators(column: ColumnMeta): { label: "type" | "format"; list: Validator[] } {
  let cached = validatorCache.get(column);
  if (!cached) {
    cached = buildValidators(column);
    validatorCache.set(column, cached);
  }
  return cached;
}

function buildValidators(column: ColumnMeta): { label: "type" | "format"; list: Validator[] } {
  const list: Validator[] = [];
  let label: "type" | "format" = "type";
  switch (column.type) {
    case "string":
    case "varchar":
      list.push(text(column.size));
      break;
    case "text":
    case "mediumtext":
    case "longtext":
      list.push(byteLength(column.size));
      break;
    case "integer": {
      const bits = column.size >= 8 ? 64 : 32;
      const limit = bits === 64 ? MAX_INT64 : MAX_INT32;
      list.push(integerBits(bits), range(-limit, limit, true), range(column.min ?? -limit, column.max ?? limit, true));
      label = "format";
      break;
    }
    case "bigint":
      list.push(
        {
          isValid: (v) => asBigInt(v) !== null || (typeof v === "string" && /^-?\d+$/.test(v)),
          description: BIGINT_DESCRIPTION,
        },
        range(column.min ?? -MAX_INT64 - 1n, column.max ?? MAX_INT64, true),
      );
      label = "format";
      break;
    case "double":
      list.push(
        validators.float,
        range(-Number.MAX_VALUE, Number.MAX_VALUE, false),
        range(column.min ?? -Number.MAX_VALUE, column.max ?? Number.MAX_VALUE, false),
      );
      label = "format";
      break;
    case "boolean":
      list.push(validators.boolean);
      break;
    case "datetime":
      list.push(validators.datetime);
      break;
  }
  if (column.format === "email" || column.format === "ip" || column.format === "url") {
    list.push(formatValidators[column.format]);
    label = "format";
  } else if (column.format === "enum") {
    const elements = column.elements ?? [];
    list.push({
      isValid: (v) => typeof v === "string" && elements.includes(v),
      description: `Value must be one of (${elements.join(", ")})`,
    });
    label = "format";
  }
  return { label, list };
}

const INTERNAL_KEYS = new Set([
  "$id",
  "$sequence",
  "$collection",
  "$tenant",
  "$permissions",
  "$createdAt",
  "$updatedAt",
]);

/**
 * Validates a full row (every column key present or absent = null) and returns the failure message, or null.
 * `keyOrder` is the order the caller supplied keys in, which decides which problem is reported first.
 */
export function describeInvalidRow(
  columns: readonly ColumnMeta[],
  doc: Record<string, unknown>,
  keyOrder: readonly string[],
): string | null {
  for (const column of columns) {
    const v = doc[column.key];
    if (column.required && (v === null || v === undefined))
      return `Invalid document structure: Missing required attribute "${column.key}"`;
  }
  const byKey = new Map(columns.map((c) => [c.key, c]));
  for (const key of keyOrder) {
    if (!byKey.has(key) && !INTERNAL_KEYS.has(key)) return `Invalid document structure: Unknown attribute: "${key}"`;
  }
  for (const key of ["$createdAt", "$updatedAt"]) {
    const v = doc[key];
    if (v !== undefined && v !== null && !validators.datetime.isValid(v)) {
      return `Invalid document structure: Attribute "${key}" has invalid type. ${DATE_DESCRIPTION}`;
    }
  }
  const ordered = [
    ...keyOrder.filter((k) => byKey.has(k)),
    ...columns.map((c) => c.key).filter((k) => !keyOrder.includes(k)),
  ];
  for (const key of ordered) {
    const column = byKey.get(key)!;
    const problem = describeInvalidValue(column, doc[key]);
    if (problem) return `Invalid document structure: ${problem}`;
  }
  return null;
}

function describeInvalidValue(column: ColumnMeta, value: unknown): string | null {
  if (!column.required && (value === null || value === undefined)) return null;
  const { label, list } = columnValidators(column);
  if (column.array) {
    if (!column.required && Array.isArray(value) && value.length === 0) return null;
    if (!Array.isArray(value)) return `Attribute "${column.key}" must be an array`;
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (!column.required && child === null) continue;
      for (const validator of list) {
        if (!validator.isValid(child))
          return `Attribute "${column.key}['${i}']" has invalid ${label}. ${validator.description}`;
      }
    }
    return null;
  }
  for (const validator of list) {
    if (!validator.isValid(value)) return `Attribute "${column.key}" has invalid ${label}. ${validator.description}`;
  }
  return null;
}
