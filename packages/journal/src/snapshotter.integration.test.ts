import { type Command, ExchangeCore } from "@exchange/core";
import { PROTOCOL_VERSION, stringifyWire } from "@exchange/protocol";
import { createEngineSandbox, referenceCommands, tradingWorkload } from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Journal, type JournalEntry } from "./journal";
import { outcomeText } from "./outcome";
import { recoverState } from "./recovery";
import { SnapshotStore } from "./snapshot-store";
import { Snapshotter } from "./snapshotter";

/**
 * The snapshotter keeps a replica by replaying the journal and saves its image when the policy
 * says so; a restart from that image reaches the same state as the engine that journaled it.
 */

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.end();
});

let pool: pg.Pool;
beforeEach(async () => {
  const sandbox = await createEngineSandbox("snapshotter");
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  pools.push(pool);
});

/** The engine's side: applies commands to `core` and journals them after `seq`. */
async function journalled(core: ExchangeCore, commands: Command[], seq: number) {
  const entries: JournalEntry[] = commands.map((command, i) => {
    const result = core.apply(command);
    return {
      seq: seq + i + 1,
      commandId: command.id,
      command: stringifyWire({ v: PROTOCOL_VERSION, ...command }),
      ok: result.accepted,
      outcome: outcomeText(result),
    };
  });
  await new Journal(pool).append(entries);
  return seq + commands.length;
}

function trading(count: number, workload = tradingWorkload({ seed: 3, users: 5, idPrefix: "t" })) {
  return Array.from({ length: count }, () => workload.next().value as Command);
}

describe("Snapshotter", () => {
  it("saves a snapshot once enough commands are journaled, equal to the engine's state then", async () => {
    const engineCore = new ExchangeCore();
    const workload = tradingWorkload({ seed: 3, users: 5, idPrefix: "t" });
    let seq = await journalled(engineCore, [...referenceCommands(), ...trading(40, workload)], 0);
    const snapshots = new SnapshotStore(pool, 3);
    const snapshotter = new Snapshotter(new Journal(pool), snapshots, {
      everyCommands: 100,
      everyMs: 3_600_000,
    });

    expect(await snapshotter.snapshotIfDue()).toBeUndefined();
    seq = await journalled(engineCore, trading(100, workload), seq);
    const first = await snapshotter.snapshotIfDue();
    expect(first?.seq).toBe(seq);
    expect(first?.stateHash).toBe(engineCore.stateHash());

    // The replica goes on from where it was: the next snapshot is the state 150 commands later.
    seq = await journalled(engineCore, trading(150, workload), seq);
    const second = await snapshotter.snapshotIfDue();
    expect(second?.seq).toBe(seq);
    expect(second?.stateHash).toBe(engineCore.stateHash());
    expect((await snapshots.latest())?.seq).toBe(seq);

    // A restart from it replays nothing and serves the engine's state.
    const recovered = await recoverState(new Journal(pool), snapshots);
    expect(recovered.replayedCommands).toBe(0);
    expect(recovered.core.stateHash()).toBe(engineCore.stateHash());
  });

  it("saves a snapshot when the interval has passed, if anything was journaled since", async () => {
    const engineCore = new ExchangeCore();
    let now = 0;
    const snapshotter = new Snapshotter(
      new Journal(pool),
      new SnapshotStore(pool, 3),
      { everyCommands: 1_000_000, everyMs: 60_000 },
      () => now,
    );
    const seq = await journalled(engineCore, referenceCommands(), 0);
    now = 59_999;
    expect(await snapshotter.snapshotIfDue()).toBeUndefined();
    now = 60_000;
    expect((await snapshotter.snapshotIfDue())?.seq).toBe(seq);
    now = 200_000;
    // Nothing new since: no second snapshot of the same state.
    expect(await snapshotter.snapshotIfDue()).toBeUndefined();
  });

  it("starts its replica from the latest snapshot", async () => {
    const engineCore = new ExchangeCore();
    const workload = tradingWorkload({ seed: 4, users: 5, idPrefix: "u" });
    let seq = await journalled(engineCore, [...referenceCommands(), ...trading(30, workload)], 0);
    const snapshots = new SnapshotStore(pool, 3);
    const policy = { everyCommands: 10, everyMs: 3_600_000 };
    await new Snapshotter(new Journal(pool), snapshots, policy).snapshotIfDue();
    seq = await journalled(engineCore, trading(30, workload), seq);

    // A new snapshotter (the engine restarted) restores the first snapshot and replays 30.
    const later = await new Snapshotter(new Journal(pool), snapshots, policy).snapshotIfDue();
    expect(later?.seq).toBe(seq);
    expect(later?.stateHash).toBe(engineCore.stateHash());
  });
});

describe("Snapshotter after a failed replay", () => {
  it("starts again from the latest snapshot instead of applying a page twice", async () => {
    const engineCore = new ExchangeCore();
    const workload = tradingWorkload({ seed: 5, users: 5, idPrefix: "f" });
    let seq = await journalled(engineCore, [...referenceCommands(), ...trading(30, workload)], 0);
    const snapshots = new SnapshotStore(pool, 3);
    const policy = { everyCommands: 10, everyMs: 3_600_000 };
    /** A journal whose second page read fails once, after the first page was applied. */
    class FlakyJournal extends Journal {
      failNext = false;
      override async *read(afterSeq: number, toSeq: number, options = {}) {
        let pages = 0;
        for await (const page of super.read(afterSeq, toSeq, { ...options, pageSize: 10 })) {
          if (this.failNext && ++pages === 2) {
            this.failNext = false;
            throw new Error("connection lost");
          }
          yield page;
        }
      }
    }
    const journal = new FlakyJournal(pool);
    const snapshotter = new Snapshotter(journal, snapshots, policy);
    await snapshotter.snapshotIfDue();
    seq = await journalled(engineCore, trading(40, workload), seq);
    journal.failNext = true;
    await expect(snapshotter.snapshotIfDue()).rejects.toThrow("connection lost");
    const retried = await snapshotter.snapshotIfDue();
    expect(retried?.seq).toBe(seq);
    expect(retried?.stateHash).toBe(engineCore.stateHash());
  });
});
