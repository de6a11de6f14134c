// The offer alarm: a loud two-tone ring made with the Web Audio API (no audio files), looping until the therapist
// acknowledges it. Browsers only let a page make sound after a tap on it, so the alarm starts "locked" and is
// unlocked by the first tap anywhere (or the "Turn sound on" button); the UI shows which state it is in.
//
// A device where sound was unlocked once is remembered (localStorage): on later loads the alarm tries to resume
// without a tap, which browsers allow for a site the person uses often (Chrome's media engagement, an installed
// PWA). When the browser refuses, the state is "blocked", and the dashboard says in words that a tap is needed.
export type AlarmState = "unsupported" | "locked" | "blocked" | "ready" | "ringing";

/** localStorage key: "1" once sound was unlocked on this device. */
export const ALARM_UNLOCKED_KEY = "tenang.offerAlarm.unlocked";
/** How long a resume without a tap may take before we call it refused (Chrome leaves the promise pending). */
const AUTO_RESUME_WAIT_MS = 400;

type Listener = () => void;

/** One ring: two short tones, then a pause. Repeated every RING_PERIOD_MS while ringing. */
const RING_PERIOD_MS = 1_600;
const TONES = [
  { frequency: 880, at: 0, length: 0.22 },
  { frequency: 1_320, at: 0.28, length: 0.22 },
  { frequency: 880, at: 0.56, length: 0.22 },
  { frequency: 1_320, at: 0.84, length: 0.32 },
] as const;
const VOLUME = 0.9;

type AudioContextConstructor = typeof AudioContext;

function remembered(): boolean {
  try {
    return window.localStorage.getItem(ALARM_UNLOCKED_KEY) === "1";
  } catch {
    return false;
  }
}

function remember(): void {
  try {
    window.localStorage.setItem(ALARM_UNLOCKED_KEY, "1");
  } catch {
    // Private mode or storage full: the next load simply needs a tap again.
  }
}

function audioContextClass(): AudioContextConstructor | null {
  if (typeof window === "undefined") return null;
  // Older iOS Safari has only the prefixed constructor.
  const w = window as unknown as {
    AudioContext?: AudioContextConstructor;
    webkitAudioContext?: AudioContextConstructor;
  };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export class OfferAlarm {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private wantRinging = false;
  private state: AlarmState;
  private readonly listeners = new Set<Listener>();

  constructor() {
    this.state = audioContextClass() ? "locked" : "unsupported";
  }

  getState = (): AlarmState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(next: AlarmState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** Call from a tap/click handler: creates and resumes the audio context. Returns whether sound is now possible. */
  async unlock(): Promise<boolean> {
    const Ctor = audioContextClass();
    if (!Ctor) return false;
    try {
      this.context ??= new Ctor();
      if (this.context.state === "suspended") await this.context.resume();
      // A silent blip: some browsers (iOS Safari) need a sound started inside the gesture itself.
      this.tone(1, 0, 0.01, 0.0001);
    } catch {
      return false;
    }
    const running = this.context.state === "running";
    if (running) {
      remember();
      if (this.wantRinging) this.startLoop();
      else this.setState("ready");
    }
    return running;
  }

  /**
   * On page load, without a tap: resumes the sound if this device unlocked it before and the browser allows it now;
   * otherwise the state becomes "blocked" (a tap is still needed). Does nothing on a device that never unlocked it.
   */
  async resumeIfRemembered(): Promise<AlarmState> {
    const Ctor = audioContextClass();
    if (!Ctor || !remembered() || this.state !== "locked") return this.state;
    try {
      this.context ??= new Ctor();
      if (this.context.state === "suspended") {
        await Promise.race([this.context.resume(), new Promise((resolve) => setTimeout(resolve, AUTO_RESUME_WAIT_MS))]);
      }
    } catch {
      // refused: handled below
    }
    if (this.state !== "locked") return this.state;
    if (this.context?.state === "running") {
      if (this.wantRinging) this.startLoop();
      else this.setState("ready");
    } else {
      this.setState("blocked");
    }
    return this.state;
  }

  /** Starts ringing (or remembers to, once unlocked). Idempotent. */
  start(): void {
    this.wantRinging = true;
    if (this.context?.state === "running") this.startLoop();
  }

  /** Stops ringing: the therapist acknowledged, or there is nothing left to answer. */
  stop(): void {
    this.wantRinging = false;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.state === "ringing") this.setState("ready");
  }

  private startLoop(): void {
    if (this.timer !== null) return;
    this.ring();
    this.timer = setInterval(() => this.ring(), RING_PERIOD_MS);
    this.setState("ringing");
  }

  private ring(): void {
    for (const t of TONES) this.tone(t.frequency, t.at, t.length, VOLUME);
  }

  private tone(frequency: number, at: number, length: number, volume: number): void {
    const context = this.context;
    if (!context) return;
    const start = context.currentTime + at;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    // A square wave cuts through a noisy room far better than a sine at the same volume.
    oscillator.type = "square";
    oscillator.frequency.setValueAtTime(frequency, start);
    // Short ramps avoid clicks at the edges of each tone (never overlapping, even for the tiny unlock blip).
    const ramp = Math.min(0.01, length / 3);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(volume, start + ramp);
    gain.gain.setValueAtTime(volume, start + length - ramp);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + length + 0.01);
  }
}
