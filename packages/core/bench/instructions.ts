import type { Command } from "../src/commands";
import { ExchangeCore } from "../src/exchange-core";
import { parseIntegerArgs } from "./args";
import { generateOrderFlow } from "./order-flow";

/**
 * The inner program of `count-instructions.sh`: generates the bench flow, then feeds it chunk by
 * chunk, as `core.bench.ts` does, to `--cores` independent cores (each prepared with the setup
 * and prefill). Run under cachegrind once with one core and once with two: the runs execute the
 * same harness code on the same commands, so the difference in instructions, divided by the
 * operation count, is what one core's `apply` costs per operation — garbage collection included,
 * independent of machine load, and without the harness's own JIT decisions changing between runs.
 *
 * `npx tsx bench/instructions.ts --cores 1|2 [--ops N] [--seed S]`
 */

function main(): void {
  const args = parseIntegerArgs(
    { cores: 1, ops: 200_000, seed: 42 },
    "instructions.ts --cores 1|2 [--ops N] [--seed S]",
  );
  const flow = generateOrderFlow(args.seed, args.ops);
  const cores: ExchangeCore[] = [];
  for (let n = 0; n < args.cores; n++) {
    const core = new ExchangeCore();
    for (const command of [...flow.setup, ...flow.prefill.map((op) => op.command)]) {
      if (!core.apply(command).accepted) throw new Error("core rejected a setup command");
    }
    cores.push(core);
  }
  let events = 0;
  const chunk = 10_000;
  for (let from = 0; from < flow.ops.count; from += chunk) {
    const to = Math.min(from + chunk, flow.ops.count);
    const commands: Command[] = [];
    for (let i = from; i < to; i++) commands.push(flow.ops.command(i));
    for (const core of cores) {
      for (let i = 0; i < commands.length; i++) {
        events += core.apply(commands[i] as Command).events.length;
      }
    }
  }
  console.log(JSON.stringify({ ...args, events }));
}

main();
