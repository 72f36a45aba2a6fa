/**
 * The engine's per-command path, as the instruction gate measures it: a command's stream text is
 * decoded and validated, applied to the core, and its outcome written as the text the engine
 * journals, publishes and replies with. This is the one place the gate reaches into the engine;
 * when the engine's decoder or outcome writer changes, point these calls at the new ones and
 * re-record (`npm run check:instructions -- --record`, docs/performance.md).
 */
import type { ExchangeCore } from "@exchange/core";
import { outcomeText } from "@exchange/journal";
import { decodeCommand } from "../../apps/engine/src/decode-command";

/** Decode → apply → outcome text, for one command the engine would apply (never a ping). */
export function applyCommandText(core: ExchangeCore, text: string): string {
  const decoded = decodeCommand(text);
  if (!decoded.ok || decoded.command.type === "system.ping") {
    throw new Error(`the engine would not apply this command: ${text.slice(0, 120)}`);
  }
  return outcomeText(core.apply(decoded.command));
}

/** Whether an outcome text says the command was accepted (the gate measures accepted commands). */
export function outcomeAccepted(outcome: string): boolean {
  return outcome.startsWith('{"ok":true');
}
