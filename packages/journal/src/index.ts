/**
 * The engine's durable log in PostgreSQL. The engine appends to it; anything that must see the
 * engine's state without asking the engine (the projection check, audits, tests) replays it.
 */
export { Journal, type JournalEntry } from "./journal";
export { isSetAsideOutcome, outcomeText, SET_ASIDE_MESSAGE, setAsideResult } from "./outcome";
export { type PoisonCommand, PoisonCommandStore } from "./poison-store";
export { type RecoveredState, RecoveryError, recoverState } from "./recovery";
export { type ReplayOptions, replayJournal } from "./replay";
export { SnapshotStore, type StoredSnapshot } from "./snapshot-store";
export { type SnapshotPolicy, Snapshotter } from "./snapshotter";
