import { describe, expect, it } from "vitest";
import { parseQueryString } from "./query-string.ts";

describe("parseQueryString", () => {
  it("keeps the SDKs' shapes: indexed arrays beyond 20, [] arrays, nested objects", () => {
    const many = Array.from({ length: 30 }, (_, i) => `queries[${i}]=q${i}`).join("&");
    expect(parseQueryString(`?${many}`).queries).toEqual(Array.from({ length: 30 }, (_, i) => `q${i}`));
    expect({ ...parseQueryString("a[]=1&a[]=2&b[c]=3&d=x+y&e=%22") }).toEqual({
      a: ["1", "2"],
      b: { c: "3" },
      d: "x y",
      e: '"',
    });
    expect(parseQueryString("ch_x[0][]=q1&ch_x[0][]=q2&ch_x[1][]=q3").ch_x).toEqual([["q1", "q2"], ["q3"]]);
  });

  it("builds objects without a prototype", () => {
    expect(Object.getPrototypeOf(parseQueryString("a=1"))).toBeNull();
    expect(Object.getPrototypeOf(parseQueryString("a[b]=1").a)).toBeNull();
  });

  it("refuses __proto__, constructor and prototype anywhere in a key", () => {
    for (const q of [
      "__proto__[x]=1",
      "a[__proto__][x]=1",
      "constructor[prototype][x]=1",
      "a[constructor]=1",
      "%5F_proto__[x]=1",
      "__proto__=1",
    ]) {
      expect(() => parseQueryString(q), q).toThrow(/not allowed/);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("answers 400 past its limits instead of changing shape", () => {
    expect(() => parseQueryString(Array.from({ length: 1001 }, () => "a[]=1").join("&"))).toThrow(/Array limit/);
    expect(() => parseQueryString("a[b][c][d][e][f][g]=1")).toThrow(/depth/);
  });
});
