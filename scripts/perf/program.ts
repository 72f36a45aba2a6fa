/**
 * The program `instructions.ts` runs under cachegrind, bundled: prepares one operation for
 * `--total` repetitions, then performs the first `--run` of them and exits.
 *
 * `program.mjs --operation core/cancel --total 12000 --run 2000`
 *
 * Run once with `--run` = the warm-up only and once with `--run` = `--total`, everything before
 * the loop (start-up, bundle loading, preparing, the warm-up's compilation) is the same in both,
 * so the difference in instructions is what the extra repetitions cost.
 */
import type { Operation } from "./workloads";

/**
 * The operations of one family, loaded on demand: the core's programs never load the protocol's
 * schemas, which cost more instructions to load than the core itself.
 */
async function loadFamily(family: string): Promise<Readonly<Record<string, Operation>>> {
  if (family === "core") return (await import("./core-operations")).OPERATIONS;
  if (family === "engine") return (await import("./engine-operations")).OPERATIONS;
  return {};
}

function readArgs(): { operation: string; total: number; run: number } {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i + 1 < argv.length; i += 2) args.set(argv[i] ?? "", argv[i + 1] ?? "");
  const operation = args.get("--operation") ?? "";
  const total = Number(args.get("--total"));
  const run = Number(args.get("--run"));
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(run) || run < 0 || run > total) {
    throw new Error("usage: program --operation <family/name> --total N --run N (0 ≤ run ≤ total)");
  }
  return { operation, total, run };
}

async function main(): Promise<void> {
  const { operation, total, run } = readArgs();
  const measured = (await loadFamily(operation.split("/")[0] ?? ""))[operation];
  if (measured === undefined) throw new Error(`no operation ${operation}`);
  const step = measured.prepare(total);
  for (let i = 0; i < run; i++) step(i);
}

await main();
