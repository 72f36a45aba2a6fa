import type { CoreState } from "../core-state";

/**
 * A module's part of the snapshot: for each top-level key it owns, how to write that key from
 * the state and how to read it back. The keys of all modules together make the snapshot (see
 * `snapshot.ts`, which pins their order).
 */
export type SnapshotSection<T> = {
  [K in keyof T]-?: {
    write: (s: CoreState) => T[K];
    read: (s: CoreState, value: T[K]) => void;
  };
};

/** A comparator on a string or number key, for the snapshot's canonical order of lists. */
export function byKey<T>(key: (item: T) => string | number): (x: T, y: T) => number {
  return (x, y) => {
    const kx = key(x);
    const ky = key(y);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  };
}
