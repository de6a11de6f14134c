// A circuit breaker: after 5 consecutive failures of a dependency, stop calling it for 30 s (fail fast instead of
// piling up slow requests), then let exactly one probe through; its success closes the circuit, its failure opens
// it for another 30 s. The state is plain data and every decision a pure function of (state, now), so it can live
// in memory (CircuitBreaker below) or in a shared row. Only failures that say the dependency is unhealthy count
// (network, 429, 5xx): a 404 or a validation error is a healthy answer.
import { DomainError } from "./errors";
import { isRetryableError } from "./retry";

export interface CircuitBreakerConfig {
  failureThreshold: number;
  cooldownMs: number;
  /** A probe that has not reported within this long counts as failed (its caller may have crashed). */
  probeTimeoutMs: number;
}

export const defaultCircuitBreakerConfig: CircuitBreakerConfig = {
  failureThreshold: 5,
  cooldownMs: 30_000,
  probeTimeoutMs: 10_000,
};

export type CircuitStatus = "closed" | "open" | "half_open";

export interface CircuitState {
  status: CircuitStatus;
  consecutiveFailures: number;
  /** ms; set while open. */
  openedAt: number | null;
  /** ms; set while half-open: when the single probe was let through. */
  probeStartedAt: number | null;
}

export const initialCircuitState: CircuitState = {
  status: "closed",
  consecutiveFailures: 0,
  openedAt: null,
  probeStartedAt: null,
};

export interface CircuitDecision {
  allowed: boolean;
  /** True for the one request let through to test a recovering dependency. */
  probe: boolean;
  state: CircuitState;
  /** When denied: how long until a request may be allowed again. */
  retryAfterMs: number;
}

function open(state: CircuitState, now: number): CircuitState {
  return { status: "open", consecutiveFailures: state.consecutiveFailures, openedAt: now, probeStartedAt: null };
}

/** May a request go through now? Moves open → half-open when the cooldown is over, letting that request probe. */
export function decideCircuit(
  state: CircuitState,
  now: number,
  config: CircuitBreakerConfig = defaultCircuitBreakerConfig,
): CircuitDecision {
  if (state.status === "closed") return { allowed: true, probe: false, state, retryAfterMs: 0 };
  if (state.status === "open") {
    const reopensAt = (state.openedAt ?? now) + config.cooldownMs;
    if (now < reopensAt) return { allowed: false, probe: false, state, retryAfterMs: reopensAt - now };
    return {
      allowed: true,
      probe: true,
      state: { ...state, status: "half_open", openedAt: null, probeStartedAt: now },
      retryAfterMs: 0,
    };
  }
  const probeDeadline = (state.probeStartedAt ?? now) + config.probeTimeoutMs;
  if (now < probeDeadline) return { allowed: false, probe: false, state, retryAfterMs: probeDeadline - now };
  // The probe never reported: count it as failed and open again for a full cooldown.
  return { allowed: false, probe: false, state: open(state, now), retryAfterMs: config.cooldownMs };
}

/** A call succeeded: the circuit closes (a late success while open changes nothing). */
export function recordSuccess(state: CircuitState): CircuitState {
  return state.status === "open" ? state : initialCircuitState;
}

/** A call failed: count it; at the threshold (or when the probe fails) the circuit opens. */
export function recordFailure(
  state: CircuitState,
  now: number,
  config: CircuitBreakerConfig = defaultCircuitBreakerConfig,
): CircuitState {
  if (state.status === "open") return state;
  const failed = { ...state, consecutiveFailures: state.consecutiveFailures + 1 };
  if (state.status === "half_open" || failed.consecutiveFailures >= config.failureThreshold) return open(failed, now);
  return failed;
}

/** An in-memory breaker around one dependency. `now` is injected (pass `Date.now`) so nothing here reads the clock. */
export class CircuitBreaker {
  private current: CircuitState = initialCircuitState;

  constructor(
    private readonly now: () => number,
    private readonly config: CircuitBreakerConfig = defaultCircuitBreakerConfig,
    private readonly countsAsFailure: (error: unknown) => boolean = isRetryableError,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Runs `fn` if the circuit allows it; otherwise throws DomainError("service_unavailable") with retryAfterMs. */
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    const decision = decideCircuit(this.current, this.now(), this.config);
    this.current = decision.state;
    if (!decision.allowed) {
      throw new DomainError("service_unavailable", "circuit open: dependency is failing", {
        retryAfterMs: decision.retryAfterMs,
      });
    }
    try {
      const result = await fn();
      this.current = recordSuccess(this.current);
      return result;
    } catch (error) {
      this.current = this.countsAsFailure(error)
        ? recordFailure(this.current, this.now(), this.config)
        : recordSuccess(this.current);
      throw error;
    }
  }
}
