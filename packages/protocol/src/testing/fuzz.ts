/**
 * How every fuzz test runs its properties: seeded and reproducible. CI runs each property a few
 * hundred to a few thousand times with a fresh seed; a failure prints the seed and the path of
 * the shrunk counterexample (fast-check's report), and `FUZZ_SEED=<seed> [FUZZ_PATH=<path>]`
 * replays exactly that case. `FUZZ_RUNS=<n>` (`npm run fuzz`) runs every property n times.
 */
import fc from "fast-check";
import { runVar } from "./env";

/** The seed of this run: FUZZ_SEED when replaying, else a fresh one. */
export const FUZZ_SEED = readSeed();

function readSeed(): number {
  const text = runVar("FUZZ_SEED");
  if (text === undefined || text === "") return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${text}`);
  return seed;
}

/** Runs of one property: FUZZ_RUNS when set (a long local run), else the property's CI budget. */
export function fuzzRuns(ciRuns: number): number {
  const text = runVar("FUZZ_RUNS");
  if (text === undefined || text === "") return ciRuns;
  const runs = Number(text);
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new Error(`FUZZ_RUNS must be ≥ 1, not ${text}`);
  return runs;
}

/**
 * Timeout of a fuzz test (vitest's `{ timeout }`): the CI budget, or a day when FUZZ_RUNS asks
 * for a long run.
 */
export function fuzzTimeoutMs(ciMs: number): number {
  return runVar("FUZZ_RUNS") ? 86_400_000 : ciMs;
}

/** fast-check parameters of a property with a CI budget of `ciRuns` cases. */
export function fuzzParameters<T>(ciRuns: number): fc.Parameters<T> {
  const path = runVar("FUZZ_PATH");
  return {
    seed: FUZZ_SEED,
    numRuns: fuzzRuns(ciRuns),
    ...(path ? { path } : {}),
  };
}

/** Asserts `property` for this run's seed and budget; the error names the seed to replay. */
export async function fuzz<T>(
  property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>,
  ciRuns: number,
): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<T>, fuzzParameters<T>(ciRuns));
  } catch (error) {
    if (error instanceof Error)
      error.message = `replay with FUZZ_SEED=${FUZZ_SEED}\n${error.message}`;
    throw error;
  }
}
