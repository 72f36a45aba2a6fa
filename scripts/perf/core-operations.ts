/**
 * `core/<workload>`: each repetition's command applied to the core, nothing else. Imports the
 * core only, so its program loads no more than the engine's state machine.
 */
import type { Command } from "@exchange/core";
import { applyAccepted, type Operation, WORKLOADS } from "./workloads";

export const OPERATIONS: Readonly<Record<string, Operation>> = Object.fromEntries(
  WORKLOADS.map(([name, description, workload]) => [
    `core/${name}`,
    {
      description,
      prepare(total: number) {
        const { core, commands } = workload(total);
        return (i: number) => {
          applyAccepted(core, commands[i] as Command);
        };
      },
    },
  ]),
);
