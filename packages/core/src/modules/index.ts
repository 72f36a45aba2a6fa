import { assert } from "../assert";
import type { Command } from "../commands";
import { accountsModule } from "./accounts";
import type { CommandRunner, CommandRunners } from "./command-runner";
import { derivativesModule } from "./derivatives";
import { lendingModule } from "./lending";
import { savingsModule } from "./savings";
import { spotModule } from "./spot";

export { runCancelOrder, runPlaceOrder } from "./spot";

/** Every module of the core. Adding one: see "How to add a module" in the README. */
export const MODULES = [
  accountsModule,
  spotModule,
  savingsModule,
  lendingModule,
  derivativesModule,
] as const;

// Every command type has a runner (a compile error names one that has none).
const everyType: CommandRunners<Command> = {
  ...accountsModule.commands,
  ...spotModule.commands,
  ...savingsModule.commands,
  ...lendingModule.commands,
  ...derivativesModule.commands,
};

/**
 * The dispatch table: command type → runner. A prototype-free object, so that a command type
 * such as "toString" or "__proto__" finds nothing rather than an inherited property.
 */
export const COMMAND_RUNNERS: Readonly<Record<string, CommandRunner | undefined>> = tableOf();

function tableOf(): Record<string, CommandRunner | undefined> {
  const table: Record<string, CommandRunner | undefined> = Object.create(null);
  for (const module of MODULES) {
    for (const [type, runner] of Object.entries(module.commands) as [string, CommandRunner][]) {
      assert(table[type] === undefined, `command type ${type} is owned by two modules`);
      table[type] = runner;
    }
  }
  assert(Object.keys(table).length === Object.keys(everyType).length, "a module is not listed");
  return table;
}
