import { describe, expect, it } from "vitest";
import { createServerClock } from "./server-clock";

describe("server clock", () => {
  it("learns the offset from a response, ignores jitter under 500 ms and tells its listeners", () => {
    let device = Date.UTC(2025, 10, 22, 6, 0, 0);
    const clock = createServerClock({ now: () => device });
    let told = 0;
    clock.subscribe(() => (told += 1));
    clock.note(new Date(device + 60_000).toISOString());
    expect(clock.offset()).toBe(60_000);
    expect(clock.now()).toBe(device + 60_000);
    clock.note(new Date(device + 60_300).toISOString());
    expect(clock.offset()).toBe(60_000);
    device += 1_000;
    clock.note("not a time");
    expect(clock.now()).toBe(device + 60_000);
    expect(told).toBe(1);
  });
});
