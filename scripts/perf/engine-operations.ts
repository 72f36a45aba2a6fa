/**
 * `engine/<workload>`: each repetition's command, as the stream text a client sends, through the
 * engine's per-command path (`engine-path.ts`: decode, apply, write the outcome text).
 */
import { PROTOCOL_VERSION, stringifyWire } from "@exchange/protocol";
import { applyCommandText, outcomeAccepted } from "./engine-path";
import { type Operation, WORKLOADS } from "./workloads";

export const OPERATIONS: Readonly<Record<string, Operation>> = Object.fromEntries(
  WORKLOADS.map(([name, description, workload]) => [
    `engine/${name}`,
    {
      description: `${description}: decode, apply, write the outcome`,
      prepare(total: number) {
        const { core, commands } = workload(total);
        const texts = commands.map((command) => stringifyWire({ v: PROTOCOL_VERSION, ...command }));
        return (i: number) => {
          const outcome = applyCommandText(core, texts[i] as string);
          if (!outcomeAccepted(outcome)) throw new Error(`rejected: ${outcome}`);
        };
      },
    },
  ]),
);
