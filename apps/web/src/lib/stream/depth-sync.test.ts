import { describe, expect, it, vi } from "vitest";
import { type DepthBook, sortedLevels } from "./depth-book";
import { DepthSync, type DepthSyncHost, SNAPSHOT_WAIT_MS } from "./depth-sync";

function rig() {
  let nowMs = 1_000;
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  const shown: DepthBook[] = [];
  const host: DepthSyncHost = {
    show: (book) => shown.push(book),
    resubscribe: vi.fn(),
    refetch: vi.fn(),
    schedule(fn, ms) {
      const timer = { at: nowMs + ms, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    now: () => nowMs,
  };
  const advance = (ms: number) => {
    nowMs += ms;
    for (const timer of timers) {
      if (!timer.cancelled && timer.at <= nowMs) {
        timer.cancelled = true;
        timer.fn();
      }
    }
  };
  const asks = () => {
    const book = shown.at(-1);
    return book ? sortedLevels(book.asks, "asks", 10) : [];
  };
  return { sync: new DepthSync(host), host, shown, advance, asks, now: () => nowMs };
}

const snapshot = (seq: number, asks: [string, string][] = []) => ({ seq, bids: [], asks });
const diff = (firstSeq: number, lastSeq: number, asks: [string, string][]) => ({
  firstSeq,
  lastSeq,
  bids: [],
  asks,
});

describe("DepthSync", () => {
  it("holds diffs until the gateway's snapshot, then applies only the newer ones", () => {
    const { sync, asks } = rig();
    sync.diff(diff(5, 5, [["101", "1"]]));
    sync.diff(diff(6, 6, [["102", "2"]]));
    sync.streamSnapshot(snapshot(5, [["101", "1"]]));
    expect(asks()).toEqual([
      ["101", "1"],
      ["102", "2"],
    ]);
    expect(sync.current?.seq).toBe(6);
  });

  it("asks the API when diffs come without a snapshot", () => {
    const { sync, host, advance, asks, now } = rig();
    sync.diff(diff(3, 3, [["100", "1"]]));
    advance(SNAPSHOT_WAIT_MS - 1);
    expect(host.refetch).not.toHaveBeenCalled();
    advance(1);
    expect(host.refetch).toHaveBeenCalledTimes(1);
    sync.apiSnapshot(snapshot(2), now());
    expect(asks()).toEqual([["100", "1"]]);
  });

  it("resynchronises on a sequence gap: new snapshot both ways, diffs held meanwhile", () => {
    const { sync, host, asks, now, advance } = rig();
    sync.streamSnapshot(snapshot(10, [["100", "1"]]));
    sync.diff(diff(12, 12, [["100", "0"]]));
    expect(host.resubscribe).toHaveBeenCalledTimes(1);
    expect(host.refetch).toHaveBeenCalledTimes(1);
    // Still showing the last trustworthy book, not one with a hole in it.
    expect(asks()).toEqual([["100", "1"]]);

    // An API answer read before the gap was noticed is not taken.
    sync.apiSnapshot(snapshot(11, [["100", "1"]]), now() - 1);
    expect(sync.current?.seq).toBe(10);

    advance(10);
    sync.diff(diff(13, 13, [["99", "3"]]));
    sync.apiSnapshot(snapshot(12, []), now());
    expect(sync.current?.seq).toBe(13);
    expect(asks()).toEqual([["99", "3"]]);
  });

  it("keeps the live book when a slower API read comes back older", () => {
    const { sync, now } = rig();
    sync.streamSnapshot(snapshot(20, [["100", "1"]]));
    sync.diff(diff(21, 21, [["100", "2"]]));
    sync.apiSnapshot(snapshot(20, [["100", "1"]]), now());
    expect(sync.current?.seq).toBe(21);
    sync.apiSnapshot(snapshot(25, [["100", "5"]]), now());
    expect(sync.current?.seq).toBe(25);
  });

  it("after a reconnect takes the next snapshot read, whatever its sequence", () => {
    const { sync, host, now, advance } = rig();
    sync.streamSnapshot(snapshot(50, [["100", "1"]]));
    advance(100);
    sync.reconnected();
    expect(host.refetch).toHaveBeenCalledTimes(1);
    // The market data was rebuilt and restarted its sequence: a lower seq is still the truth.
    sync.apiSnapshot(snapshot(3, [["105", "1"]]), now());
    expect(sync.current?.seq).toBe(3);
  });
});
