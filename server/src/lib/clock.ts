/** The source of "now" for services; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers `at` until moved with `set`; for tests and demo seeding. */
export function createFixedClock(at: Date): Clock & { set(next: Date): void } {
  let current = at;
  return {
    now: () => new Date(current.getTime()),
    set(next: Date) {
      current = next;
    },
  };
}
