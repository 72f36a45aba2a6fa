import {
  applyDiff,
  bookFromSnapshot,
  type DepthBook,
  type DepthDiff,
  type DepthSnapshot,
} from "./depth-book";

/** What the synchroniser asks of its surroundings (the React hook; fakes in tests). */
export interface DepthSyncHost {
  /** The book changed: show it. */
  show(book: DepthBook): void;
  /** Ask the gateway for a fresh snapshot (unsubscribe + subscribe). */
  resubscribe(): void;
  /** Read the API's snapshot again; it arrives through `apiSnapshot`. */
  refetch(): void;
  /** Calls `fn` after `ms` unless cancelled; returns the cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  now(): number;
}

/** Diffs held while waiting for a snapshot; more than this means something is badly wrong. */
const BUFFERED_DIFFS_MAX = 1_000;
/** Diffs without a snapshot for this long: the gateway's snapshot is late, ask the API. */
export const SNAPSHOT_WAIT_MS = 1_500;

/**
 * Keeps one market's book in step with the gateway: a snapshot (the gateway's after
 * subscribing, or the API's) moved on by the sequenced diffs of `<SYMBOL>@depth`.
 *
 * A diff that skips a sequence number means changes were missed: the synchroniser asks for a
 * new snapshot both ways (resubscribe, and the API), holds the diffs that arrive meanwhile, and
 * applies them on top of whichever snapshot lands first. The gateway's snapshot is always
 * right (it comes in order with the diffs that follow); an API snapshot is taken only if it is
 * newer than the book, or, while resynchronising, if it was read after the resync began.
 */
export class DepthSync {
  private book: DepthBook | null = null;
  private buffer: DepthDiff[] = [];
  /** Set while the book cannot be trusted: since when a new snapshot is wanted. */
  private resyncSinceMs: number | null = 0;
  private cancelSnapshotWait: (() => void) | null = null;

  constructor(private readonly host: DepthSyncHost) {}

  get current(): DepthBook | null {
    return this.book;
  }

  /** The snapshot frame pushed by the gateway after (re)subscribing. */
  streamSnapshot(snapshot: DepthSnapshot): void {
    this.take(snapshot);
  }

  /** A snapshot read from the API at `readAtMs`. */
  apiSnapshot(snapshot: DepthSnapshot, readAtMs: number): void {
    if (this.resyncSinceMs !== null) {
      if (readAtMs < this.resyncSinceMs) return;
    } else if (this.book && snapshot.seq <= this.book.seq) {
      // A poll that lost the race with the live diffs.
      return;
    }
    this.take(snapshot);
  }

  diff(diff: DepthDiff): void {
    if (!this.book || this.resyncSinceMs !== null) {
      if (this.buffer.length < BUFFERED_DIFFS_MAX) this.buffer.push(diff);
      this.cancelSnapshotWait?.();
      this.cancelSnapshotWait = this.host.schedule(() => this.host.refetch(), SNAPSHOT_WAIT_MS);
      return;
    }
    const result = applyDiff(this.book, diff);
    if (result.status === "applied") {
      this.book = result.book;
      this.host.show(this.book);
    } else if (result.status === "gap") {
      this.buffer.push(diff);
      this.resync();
    }
  }

  /** The connection was replaced: changes made meanwhile are lost. */
  reconnected(): void {
    this.resyncSinceMs = this.host.now();
    this.host.refetch();
  }

  dispose(): void {
    this.cancelSnapshotWait?.();
  }

  private resync(): void {
    this.resyncSinceMs = this.host.now();
    this.host.resubscribe();
    this.host.refetch();
  }

  private take(snapshot: DepthSnapshot): void {
    this.cancelSnapshotWait?.();
    this.cancelSnapshotWait = null;
    this.resyncSinceMs = null;
    let book = bookFromSnapshot(snapshot);
    const pending = this.buffer;
    this.buffer = [];
    for (const [index, diff] of pending.entries()) {
      const result = applyDiff(book, diff);
      if (result.status === "applied") book = result.book;
      else if (result.status === "gap") {
        this.buffer = pending.slice(index);
        this.book = book;
        this.host.show(book);
        this.resync();
        return;
      }
    }
    this.book = book;
    this.host.show(book);
  }
}
