/**
 * The time source of the processes' services and jobs, injected so a test or a job can set it.
 * The core takes no clock at all: each command carries its timestamp (`ts`).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, as `Date.now()`. */
  now(): number;
}

/** The machine's clock: the one every process uses outside tests. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still at `atMs` until moved: for tests that check time-dependent rules. */
export class ManualClock implements Clock {
  constructor(private atMs: number) {}

  now(): number {
    return this.atMs;
  }

  /** Sets the time; a clock may be set back, as a test needs. */
  set(atMs: number): void {
    this.atMs = atMs;
  }

  advance(byMs: number): void {
    this.atMs += byMs;
  }
}

/** The clock's time as a Date, for database columns. */
export function clockDate(clock: Clock): Date {
  return new Date(clock.now());
}
