import { describe, expect, it } from 'vitest';
import { type CircuitState, createCircuitBreaker } from './circuit-breaker.js';

/** One step of a scenario: move the clock, then act, then check what the breaker says. */
type Step =
  | { at: number; act: 'success' | 'failure' }
  | { at: number; ask: 'canRequest'; expect: boolean }
  | { at: number; expectState: CircuitState };

function runScenario(steps: Step[]): void {
  let now = 0;
  const breaker = createCircuitBreaker({
    failureThreshold: 3,
    cooldownMs: 1_000,
    maxCooldownMs: 3_000,
    now: () => now,
  });
  for (const [index, step] of steps.entries()) {
    now = step.at;
    if ('act' in step) {
      if (step.act === 'success') breaker.recordSuccess();
      else breaker.recordFailure();
    } else if ('ask' in step) {
      expect(breaker.canRequest(), `step ${index}: canRequest at ${step.at}`).toBe(step.expect);
    } else {
      expect(breaker.state(), `step ${index}: state at ${step.at}`).toBe(step.expectState);
    }
  }
}

const fail = (at: number): Step => ({ at, act: 'failure' });
const succeed = (at: number): Step => ({ at, act: 'success' });
const can = (at: number, expected: boolean): Step => ({ at, ask: 'canRequest', expect: expected });
const stateAt = (at: number, expected: CircuitState): Step => ({ at, expectState: expected });

describe('createCircuitBreaker', () => {
  it.each<{ name: string; steps: Step[] }>([
    {
      name: 'stays closed below the threshold',
      steps: [fail(0), fail(1), stateAt(2, 'closed'), can(2, true)],
    },
    {
      name: 'opens after N consecutive failures and refuses calls during the cooldown',
      steps: [fail(0), fail(1), fail(2), stateAt(2, 'open'), can(500, false), can(1_001, false)],
    },
    {
      name: 'a success in between resets the count',
      steps: [fail(0), fail(1), succeed(2), fail(3), fail(4), stateAt(5, 'closed'), can(5, true)],
    },
    {
      name: 'after the cooldown lets exactly one trial through',
      steps: [fail(0), fail(0), fail(0), stateAt(1_000, 'half_open'), can(1_000, true), can(1_001, false)],
    },
    {
      name: 'a successful trial closes the circuit',
      steps: [
        fail(0),
        fail(0),
        fail(0),
        can(1_000, true),
        succeed(1_100),
        stateAt(1_100, 'closed'),
        can(1_100, true),
      ],
    },
    {
      name: 'a failed trial re-opens with the cooldown doubled',
      steps: [
        fail(0),
        fail(0),
        fail(0),
        can(1_000, true),
        fail(1_000),
        stateAt(1_000, 'open'),
        stateAt(2_999, 'open'),
        stateAt(3_000, 'half_open'),
        can(3_000, true),
      ],
    },
    {
      name: 'the doubled cooldown stops at its cap',
      steps: [
        fail(0),
        fail(0),
        fail(0),
        can(1_000, true),
        fail(1_000), // cooldown 2 000
        can(3_000, true),
        fail(3_000), // cooldown 3 000 (capped, not 4 000)
        stateAt(5_999, 'open'),
        can(6_000, true),
        fail(6_000), // still 3 000
        stateAt(8_999, 'open'),
        stateAt(9_000, 'half_open'),
      ],
    },
    {
      name: 'success after a failed trial brings the cooldown back to its base',
      steps: [
        fail(0),
        fail(0),
        fail(0),
        can(1_000, true),
        fail(1_000),
        can(3_000, true),
        succeed(3_000),
        fail(3_000),
        fail(3_000),
        fail(3_000),
        stateAt(3_999, 'open'),
        stateAt(4_000, 'half_open'),
      ],
    },
    {
      name: 'a late failure while open does not stretch the cooldown',
      steps: [fail(0), fail(0), fail(0), fail(900), stateAt(1_000, 'half_open')],
    },
    {
      name: 'a trial that never reports back is presumed lost after another cooldown',
      steps: [
        fail(0),
        fail(0),
        fail(0),
        can(1_000, true),
        can(1_999, false),
        can(2_000, true),
        can(2_001, false),
      ],
    },
  ])('$name', ({ steps }) => runScenario(steps));
});
