/**
 * The one door through which tests and test kits read the run's variables (database, Redis,
 * mail sink, fuzz seeds), set by the test run's global setup. Processes never use it: each
 * validates its own environment once in its `src/env.ts`.
 */

/** A copy of this run's variables, e.g. to hand to a child process. */
export function runEnv(): Record<string, string | undefined> {
  return { ...process.env };
}

/** One of the run's variables, or undefined when the run did not set it. */
export function runVar(name: string): string | undefined {
  const value = process.env[name];
  return value === "" ? undefined : value;
}

/** One of the run's variables that the test cannot go without. */
export function requireRunVar(name: string): string {
  const value = runVar(name);
  if (value === undefined) throw new Error(`${name} is not set: run the tests with npm test`);
  return value;
}
