import type { Command } from "../commands";
import type { CoreState } from "../core-state";
import type { AcceptedResult, CommandResult, CoreEvent } from "../events";
import { businessKey, checkBusinessKey } from "./accounts/balance-commands";
import type { BusinessKey } from "./accounts/commands";
import { type CommandRunner, checkEnvelope, type Handler, rejected } from "./command-runner";
import { byKey } from "./snapshot-section";

/**
 * A module's idempotent runner (lending's, derivatives'): as the accounts module's `idempotent`
 * (a repeated business key returns the first accepted result, flagged `repeated`, and changes
 * nothing; a rejection is not kept), its receipts kept in the module's own map, `receiptsOf`,
 * whose results may hold events of any kind.
 */
export function idempotentIn<C extends Command & BusinessKey>(
  receiptsOf: (s: CoreState) => Map<string, AcceptedResult>,
  handler: Handler<C>,
): CommandRunner {
  return (s, command): CommandResult => {
    const c = command as C;
    const bad = checkEnvelope(c.id, c.ts) ?? checkBusinessKey(c);
    if (bad !== null) return rejected(c, bad);
    const key = businessKey(c);
    const receipts = receiptsOf(s);
    const first = receipts.get(key);
    if (first !== undefined) return { ...first, repeated: true };
    const events: CoreEvent[] = [];
    const rejection = handler(s, c, events);
    if (rejection !== null) return rejected(c, rejection);
    const result: AcceptedResult = { accepted: true, commandId: c.id, repeated: false, events };
    receipts.set(key, result);
    return result;
  };
}

/**
 * A receipt as JSON: a module's result holds events of every kind (a lending slice's: loan,
 * index, balance, order and trade events), so they are written generically, each bigint
 * as `{"$bigint": "<decimal>"}` (no event has a field of that name).
 */
export interface KeyedReceiptSnapshot {
  key: string;
  commandId: string;
  events: unknown[];
}

/** The snapshot section of a module's receipts: sorted by key, events written generically. */
export function keyedReceiptsSection(receiptsOf: (s: CoreState) => Map<string, AcceptedResult>): {
  write: (s: CoreState) => KeyedReceiptSnapshot[];
  read: (s: CoreState, receipts: KeyedReceiptSnapshot[] | undefined) => void;
} {
  return {
    write: (s) =>
      [...receiptsOf(s).entries()].sort(byKey(([key]) => key)).map(([key, result]) => ({
        key,
        commandId: result.commandId,
        events: result.events.map(encodeValue),
      })),
    read: (s, receipts) => {
      const map = receiptsOf(s);
      for (const r of receipts ?? []) {
        map.set(r.key, {
          accepted: true,
          commandId: r.commandId,
          repeated: false,
          events: r.events.map(decodeValue) as CoreEvent[],
        });
      }
    },
  };
}

function encodeValue(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = encodeValue((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === "object") {
    const fields = value as Record<string, unknown>;
    if (typeof fields.$bigint === "string") return BigInt(fields.$bigint);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) out[key] = decodeValue(fields[key]);
    return out;
  }
  return value;
}
