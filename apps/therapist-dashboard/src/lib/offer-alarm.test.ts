import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALARM_UNLOCKED_KEY, OfferAlarm } from "./offer-alarm";

// A stand-in for the browser's AudioContext that checks what Chrome checks: every scheduled time is ≥ 0.
class FakeParam {
  setValueAtTime(_value: number, time: number) {
    if (!(time >= 0)) throw new RangeError(`negative time ${time}`);
  }
  exponentialRampToValueAtTime(value: number, time: number) {
    if (!(time >= 0) || value <= 0) throw new RangeError(`bad ramp ${value} @ ${time}`);
  }
}
const started: number[] = [];
class FakeAudioContext {
  static resumable = true;
  state: "suspended" | "running" = "suspended";
  currentTime = 0;
  destination = {};
  async resume() {
    if (FakeAudioContext.resumable) this.state = "running";
  }
  createOscillator() {
    return {
      type: "sine",
      frequency: new FakeParam(),
      connect: (node: unknown) => node,
      start: (at: number) => started.push(at),
      stop: () => undefined,
    };
  }
  createGain() {
    return { gain: new FakeParam(), connect: (node: unknown) => node };
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  started.length = 0;
  FakeAudioContext.resumable = true;
  vi.stubGlobal("window", { AudioContext: FakeAudioContext });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("OfferAlarm", () => {
  it("is locked until a tap unlocks it, then rings in a loop until stopped", async () => {
    const alarm = new OfferAlarm();
    const states: string[] = [];
    alarm.subscribe(() => states.push(alarm.getState()));
    expect(alarm.getState()).toBe("locked");

    await expect(alarm.unlock()).resolves.toBe(true);
    expect(alarm.getState()).toBe("ready");

    alarm.start();
    expect(alarm.getState()).toBe("ringing");
    // One silent blip at unlock, then four tones per ring: at once and every 1.6 s.
    expect(started.length).toBe(1 + 4);
    vi.advanceTimersByTime(1_600 * 3);
    expect(started.length).toBe(1 + 4 * 4);

    alarm.stop();
    const afterStop = started.length;
    vi.advanceTimersByTime(10_000);
    expect(started.length).toBe(afterStop);
    expect(states).toEqual(["ready", "ringing", "ready"]);
  });

  it("remembers an offer that arrived while locked and rings as soon as it is unlocked", async () => {
    const alarm = new OfferAlarm();
    alarm.start();
    expect(alarm.getState()).toBe("locked");
    await alarm.unlock();
    expect(alarm.getState()).toBe("ringing");
  });

  it("stays locked when the browser refuses to resume audio", async () => {
    FakeAudioContext.resumable = false;
    const alarm = new OfferAlarm();
    await expect(alarm.unlock()).resolves.toBe(false);
    expect(alarm.getState()).toBe("locked");
  });

  describe("a device where sound was unlocked before", () => {
    const storage = new Map<string, string>();
    const localStorage = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    beforeEach(() => {
      storage.clear();
      vi.stubGlobal("window", { AudioContext: FakeAudioContext, localStorage });
    });

    it("is remembered once a tap unlocked it, and then resumes on a later load without a tap", async () => {
      await new OfferAlarm().unlock();
      expect(storage.get(ALARM_UNLOCKED_KEY)).toBe("1");
      const nextLoad = new OfferAlarm();
      await expect(nextLoad.resumeIfRemembered()).resolves.toBe("ready");
    });

    it("says blocked when the browser refuses to resume without a tap, and a tap still unlocks it", async () => {
      storage.set(ALARM_UNLOCKED_KEY, "1");
      FakeAudioContext.resumable = false;
      const alarm = new OfferAlarm();
      alarm.start();
      await expect(alarm.resumeIfRemembered()).resolves.toBe("blocked");
      FakeAudioContext.resumable = true;
      await alarm.unlock();
      expect(alarm.getState()).toBe("ringing");
    });

    it("stays locked (not blocked) on a device that never unlocked it", async () => {
      await expect(new OfferAlarm().resumeIfRemembered()).resolves.toBe("locked");
    });
  });

  it("says so where there is no Web Audio", () => {
    vi.stubGlobal("window", {});
    expect(new OfferAlarm().getState()).toBe("unsupported");
  });
});
