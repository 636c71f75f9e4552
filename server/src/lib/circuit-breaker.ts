/** closed: calls flow; open: calls fail fast during a cooldown; half_open: the cooldown is over, one trial may go. */
export type CircuitState = 'closed' | 'open' | 'half_open';

/** Settings of a circuit breaker; the clock is injected so the rules stay pure. */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** Rest after the circuit opens; doubles each time a trial fails, up to `maxCooldownMs`. */
  cooldownMs: number;
  /** Upper bound of the doubled cooldown; 5 minutes unless given. */
  maxCooldownMs?: number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** One outside service's circuit: ask before calling, report how the call ended. */
export interface CircuitBreaker {
  /** The state at `now()`; an open circuit whose cooldown is over reports half_open. */
  state(): CircuitState;
  /** True when a call may go out now. In half_open this hands out the single trial and says false to the rest. */
  canRequest(): boolean;
  /** The service answered: close the circuit and forget past failures and cooldown growth. */
  recordSuccess(): void;
  /** The call failed for good: count it, open at the threshold, re-open with a doubled cooldown after a failed trial. */
  recordFailure(): void;
}

const FIVE_MINUTES_MS = 5 * 60_000;

/**
 * A circuit breaker for one outside service, with the clock injected so it is pure and testable.
 * Opens after `failureThreshold` consecutive failures; after `cooldownMs` lets one trial through. A trial that never
 * reports back (its caller gave up) is presumed lost after another cooldown, so the circuit cannot stick half open.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const maxCooldownMs = Math.max(options.maxCooldownMs ?? FIVE_MINUTES_MS, options.cooldownMs);
  let consecutiveFailures = 0;
  let cooldownMs = options.cooldownMs;
  let openedAt: number | null = null;
  let trialStartedAt: number | null = null;

  function state(): CircuitState {
    if (openedAt === null) return 'closed';
    return options.now() - openedAt >= cooldownMs ? 'half_open' : 'open';
  }

  function open(): void {
    openedAt = options.now();
    trialStartedAt = null;
  }

  return {
    state,
    canRequest() {
      const current = state();
      if (current === 'closed') return true;
      if (current === 'open') return false;
      const now = options.now();
      if (trialStartedAt !== null && now - trialStartedAt < cooldownMs) return false;
      trialStartedAt = now;
      return true;
    },
    recordSuccess() {
      consecutiveFailures = 0;
      cooldownMs = options.cooldownMs;
      openedAt = null;
      trialStartedAt = null;
    },
    recordFailure() {
      consecutiveFailures += 1;
      const current = state();
      if (current === 'half_open') {
        // The trial failed: rest longer before the next one.
        cooldownMs = Math.min(cooldownMs * 2, maxCooldownMs);
        open();
      } else if (current === 'closed' && consecutiveFailures >= options.failureThreshold) {
        open();
      }
      // A late failure of a call that started before the circuit opened leaves the running cooldown alone.
    },
  };
}
