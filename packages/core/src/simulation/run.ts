import { runSimulation, SimulationFailure } from "./simulate";

/**
 * `npm run simulate -w @exchange/core -- --seed N --ops M [--checkpoint K]`
 *
 * Runs the seeded simulation and prints its report. A failure prints the seed, the operation
 * and the command, and the exact command line that reproduces it; the exit code is then 1.
 */

function readArgs(argv: string[]): { seed: number; ops: number; checkpoint: number } {
  const args = { seed: 1, ops: 1_000_000, checkpoint: 10_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, "");
    const value = Number(argv[i + 1]);
    if (
      (name === "seed" || name === "ops" || name === "checkpoint") &&
      Number.isSafeInteger(value) &&
      value >= 0
    ) {
      args[name] = value;
    } else {
      throw new Error(
        `usage: run.ts [--seed N] [--ops M] [--checkpoint K]; bad argument ${argv[i]}`,
      );
    }
  }
  return args;
}

function main(): void {
  const { seed, ops, checkpoint } = readArgs(process.argv.slice(2));
  const reproduce = `npm run simulate -w @exchange/core -- --seed ${seed} --ops ${ops} --checkpoint ${checkpoint}`;
  console.log(`simulation: seed ${seed}, ${ops} operations, checkpoint every ${checkpoint}`);
  const started = performance.now();
  try {
    const report = runSimulation({
      seed,
      ops,
      checkpointEvery: checkpoint,
      onCheckpoint: (done) => {
        if (done % 100_000 === 0) console.log(`  ${done} operations audited`);
      },
    });
    console.log(`passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify(report));
  } catch (error) {
    if (!(error instanceof SimulationFailure)) throw error;
    console.error(`FAILED: ${error.message}`);
    console.error(`reproduce: ${reproduce}`);
    process.exitCode = 1;
  }
}

main();
