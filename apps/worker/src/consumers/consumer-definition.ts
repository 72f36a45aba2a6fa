import type { WorkerContext } from "../worker-context";
import type { Consumer } from "./consumer";

/**
 * A consumer of `engine.events`, as the registry lists it: a folder under consumers/ exports
 * one. Each keeps its own offset, so each resumes where it stopped whatever the others did.
 */
export interface ConsumerDefinition {
  /** Its name on the consumer board, in /health and in the metrics. */
  name: string;
  /** Where its position is stored (the last engine journal seq whose effects it has stored). */
  offset: { table: "projector_offsets"; name: string };
  build(context: WorkerContext): Consumer;
}
