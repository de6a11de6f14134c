import { describe, expect, it } from "vitest";
import { parseJson, stringifyJson } from "./json.ts";

describe("bigint-safe JSON", () => {
  it("parses integers beyond 2^53 as bigint and leaves the rest alone", () => {
    expect(
      parseJson(
        '{"a":9223372036854775807,"b":-9223372036854775808,"c":1.5,"d":"12345678901234567890","e":[1,true,null]}',
      ),
    ).toEqual({
      a: 9223372036854775807n,
      b: -9223372036854775808n,
      c: 1.5,
      d: "12345678901234567890",
      e: [1, true, null],
    });
    expect(parseJson('{"safe":1234567890123456}')).toEqual({ safe: 1234567890123456 });
    expect(parseJson('{"x":"a\\"b","y":{}}')).toEqual({ x: 'a"b', y: {} });
  });

  it("rejects invalid JSON", () => {
    expect(() => parseJson('{"a":12345678901234567890,')).toThrow(SyntaxError);
    expect(() => parseJson("12345678901234567890 x")).toThrow(SyntaxError);
  });

  it("writes bigint as bare integers", () => {
    expect(stringifyJson({ min: -(2n ** 63n), n: 1, s: "x" })).toBe('{"min":-9223372036854775808,"n":1,"s":"x"}');
    expect(stringifyJson([1, "2"])).toBe('[1,"2"]');
  });
});
