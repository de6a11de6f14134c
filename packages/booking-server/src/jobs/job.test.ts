import { describe, expect, it } from "vitest";
import { scopeFor, WHOLE_SCOPE } from "./job";

const items = Array.from({ length: 3000 }, (_, i) => `booking-${i}`);

describe("scopeFor", () => {
  it("gives every item to exactly one of the live workers, in roughly equal shares", () => {
    const workers = ["w-b", "w-a", "w-c"];
    const scopes = workers.map((id) => scopeFor(id, workers));
    const owners = items.map((item) => scopes.filter((scope) => scope.owns(item)).length);
    expect(owners.every((n) => n === 1)).toBe(true);
    for (const scope of scopes) {
      const share = items.filter((item) => scope.owns(item)).length;
      expect(share).toBeGreaterThan(800);
      expect(share).toBeLessThan(1200);
    }
  });

  it("lets exactly one worker lead: the one whose id sorts first", () => {
    const workers = ["w-b", "w-a", "w-c"];
    expect(workers.map((id) => scopeFor(id, workers).leads)).toEqual([false, true, false]);
  });

  it("counts itself live even before its own lease row is listed, and alone takes everything", () => {
    expect(scopeFor("w-a", [])).toBe(WHOLE_SCOPE);
    const joining = scopeFor("w-b", ["w-a"]);
    const other = scopeFor("w-a", ["w-a", "w-b"]);
    expect(items.every((item) => joining.owns(item) !== other.owns(item))).toBe(true);
  });

  it("once a worker is gone, the survivors' shares cover its items", () => {
    const after = ["w-a", "w-c"].map((id) => scopeFor(id, ["w-a", "w-c"]));
    expect(items.every((item) => after.some((scope) => scope.owns(item)))).toBe(true);
  });
});
