import type { Command } from "../commands";
import type { CommandRunners } from "./command-runner";
import type { SnapshotSection } from "./snapshot-section";

/**
 * A module of the core (accounts, spot; later lending, derivatives): the commands it runs, each
 * type to its runner, and its section of the snapshot. Its command, event and snapshot types
 * live beside it in `modules/<name>/`; `modules/index.ts` puts every module in the dispatch table.
 */
export interface CoreModule<C extends Command, S> {
  name: string;
  commands: CommandRunners<C>;
  snapshot: SnapshotSection<S>;
}
