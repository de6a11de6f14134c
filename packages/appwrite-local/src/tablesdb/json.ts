// JSON that keeps 64-bit integers exact: the SDKs send and expect bigint columns (and Appwrite's PHP_INT_MIN/MAX column
// bounds) as bare JSON integers beyond 2^53, which JSON.parse/stringify would round.
import { assertSafeKey, parseJsonRefusingForbiddenKeys } from "../http/safe-keys.ts";

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const BIGINT_MARKER = "\u0000bigint:";

/** Parses JSON; integers outside the safe range become bigint, everything else is as JSON.parse. */
export function parseJson(text: string): unknown {
  // Fast path: no run of 16+ digits means no integer can exceed 2^53.
  if (!/\d{16,}/.test(text)) return parseJsonRefusingForbiddenKeys(text, "JSON");
  const parser = new Parser(text);
  const value = parser.value();
  parser.end();
  return value;
}

/** Serialises like JSON.stringify, writing bigint values as bare integers. */
export function stringifyJson(value: unknown): string {
  let sawBigInt = false;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") {
      sawBigInt = true;
      return `${BIGINT_MARKER}${v.toString()}`;
    }
    return v;
  });
  if (!sawBigInt) return json;
  return json.replace(/"\\u0000bigint:(-?\d+)"/g, "$1");
}

/** Narrows a bigint that fits in a double back to number. */
export function normaliseInteger(v: bigint): number | bigint {
  return v >= SAFE_MIN && v <= SAFE_MAX ? Number(v) : v;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  end(): void {
    this.ws();
    if (this.pos !== this.text.length) throw new SyntaxError(`Unexpected token at position ${this.pos}`);
  }

  value(): unknown {
    this.ws();
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    return this.number();
  }

  private ws(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos]!)) this.pos++;
  }

  private literal<T>(word: string, v: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return v;
    }
    throw new SyntaxError(`Unexpected token at position ${this.pos}`);
  }

  private object(): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    this.pos++;
    this.ws();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') throw new SyntaxError(`Expected string at position ${this.pos}`);
      const key = this.string();
      assertSafeKey("JSON", key);
      this.ws();
      if (this.text[this.pos] !== ":") throw new SyntaxError(`Expected ':' at position ${this.pos}`);
      this.pos++;
      out[key] = this.value();
      this.ws();
      const c = this.text[this.pos++];
      if (c === "}") return out;
      if (c !== ",") throw new SyntaxError(`Expected ',' or '}' at position ${this.pos - 1}`);
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.ws();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.text[this.pos++];
      if (c === "]") return out;
      if (c !== ",") throw new SyntaxError(`Expected ',' or ']' at position ${this.pos - 1}`);
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === "\\") this.pos += 2;
      else if (c === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      } else this.pos++;
    }
    throw new SyntaxError("Unterminated string");
  }

  private number(): number | bigint {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) throw new SyntaxError(`Unexpected token at position ${this.pos}`);
    this.pos += m[0].length;
    if (m[2] === undefined && m[3] === undefined && m[0].replace("-", "").length > 15) {
      return normaliseInteger(BigInt(m[0]));
    }
    return Number(m[0]);
  }
}
