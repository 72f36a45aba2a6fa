/**
 * A broken invariant is a bug in the core, never a user error: stop at once rather than carry
 * on with state that may be wrong (TigerBeetle style). The engine process dies and restarts from
 * its last snapshot and journal, which either replays cleanly or reproduces the bug for a fix.
 */
export class InvariantError extends Error {
  constructor(message: string) {
    super(`invariant violated: ${message}`);
    this.name = "InvariantError";
  }
}

/** Throws {@link InvariantError} when `condition` is false. Keep `message` a constant string on hot paths. */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
