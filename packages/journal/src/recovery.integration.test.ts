import { type Command, ExchangeCore, hashText, SYSTEM_ACCOUNTS } from "@exchange/core";
import { PROTOCOL_VERSION, stringifyWire } from "@exchange/protocol";
import { createEngineSandbox, QUOTE, referenceCommands } from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Journal, type JournalEntry } from "./journal";
import { outcomeText } from "./outcome";
import { RecoveryError, recoverState } from "./recovery";
import { SnapshotStore } from "./snapshot-store";

/**
 * Recovery from a snapshot written by an older core: since savings (snapshot version 3) a
 * version 2 snapshot restores to a state whose hash is not the one recorded for its text, so
 * recovery checks that the stored text is intact instead, then replays the journal after it.
 */

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.end();
});

let pool: pg.Pool;
beforeEach(async () => {
  const sandbox = await createEngineSandbox("recovery");
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  pools.push(pool);
});

const ts = 1_700_000_000_000;

const deposit = (id: string, userId: number, amountAtoms: bigint): Command => ({
  type: "balance.deposit",
  id,
  ts,
  business: "deposit",
  businessId: id,
  userId,
  asset: QUOTE,
  amountAtoms,
});

/** Before the snapshot: reference data and deposits, nothing of savings. */
const before = (): Command[] => [
  ...referenceCommands(),
  deposit("dep-1", 1, 5_000_000n),
  deposit("dep-2", 2, 7_000_000n),
];

/** After it: savings commands, which the journal holds and recovery replays. */
const after = (): Command[] => [
  {
    type: "savings.subscribe",
    id: "sub-1",
    ts,
    business: "savings.subscribe",
    businessId: "s1",
    subscriptionId: "s1",
    userId: 1,
    asset: QUOTE,
    amountAtoms: 1_000_000n,
  },
  {
    type: "savings.payout",
    id: "pay-1",
    ts,
    business: "savings.payout",
    businessId: "s1-plan-1",
    subscriptionId: "s1",
    interestAtoms: 4_110n,
    principalAtoms: 0n,
  },
  deposit("dep-3", 2, 1n),
];

/** Applies commands to `core` and journals them from `seq + 1`, as the engine does. */
async function applyAndJournal(core: ExchangeCore, commands: Command[], seq: number) {
  const entries: JournalEntry[] = commands.map((command, i) => {
    const result = core.apply(command);
    expect(result.accepted).toBe(true);
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

/** The text a version 2 core wrote: no savings key, one system account fewer per asset. */
function versionTwoText(core: ExchangeCore): string {
  const {
    savingsPositions: _,
    loans: _loans,
    indexPrices: _indexPrices,
    lendingReceipts: _lendingReceipts,
    ...rest
  } = core.snapshot();
  return JSON.stringify({
    ...rest,
    version: 2,
    assets: rest.assets.map((a) => ({
      ...a,
      system: a.system.slice(0, SYSTEM_ACCOUNTS.indexOf("savingsInterest")),
    })),
  });
}

describe("recovery from an older snapshot", () => {
  it("accepts a version 2 snapshot whose text is intact and replays the savings commands after it", async () => {
    const core = new ExchangeCore();
    const snapshotSeq = await applyAndJournal(core, before(), 0);
    const state = versionTwoText(core);
    const snapshots = new SnapshotStore(pool, 3);
    await snapshots.save({ seq: snapshotSeq, stateHash: hashText(state), state });
    const lastSeq = await applyAndJournal(core, after(), snapshotSeq);

    const recovered = await recoverState(new Journal(pool), snapshots);
    expect(recovered.snapshotSeq).toBe(snapshotSeq);
    expect(recovered.seq).toBe(lastSeq);
    expect(recovered.replayedCommands).toBe(after().length);
    expect(recovered.core.stateHash()).toBe(core.stateHash());
    expect(recovered.core.savingsPositions()).toEqual([
      {
        subscriptionId: "s1",
        userId: 1,
        asset: QUOTE,
        principalAtoms: 1_000_000n,
        interestPaidAtoms: 4_110n,
      },
    ]);
    expect(recovered.core.systemBalance(QUOTE, "savingsInterest")).toBe(-4_110n);
    // A full replay from the journal alone reaches the same state.
    expect((await recoverState(new Journal(pool), null)).core.stateHash()).toBe(core.stateHash());
  });

  it("refuses a version 2 snapshot whose text does not match its recorded hash", async () => {
    const core = new ExchangeCore();
    const snapshotSeq = await applyAndJournal(core, before(), 0);
    const state = versionTwoText(core);
    const snapshots = new SnapshotStore(pool, 3);
    // Edited after it was recorded: user 2's balance is not what the hash vouches for.
    const edited = state.replace('"7000000"', '"7000001"');
    expect(edited).not.toBe(state);
    await snapshots.save({ seq: snapshotSeq, stateHash: hashText(state), state: edited });
    await expect(recoverState(new Journal(pool), snapshots)).rejects.toThrow(RecoveryError);
    await expect(recoverState(new Journal(pool), snapshots)).rejects.toThrow(
      /\(version 2\) hashes to [0-9a-f]+, not the recorded/,
    );
  });

  it("still checks a current snapshot by the hash of the state it restores to", async () => {
    const core = new ExchangeCore();
    const snapshotSeq = await applyAndJournal(core, [...before(), ...after()], 0);
    const snapshots = new SnapshotStore(pool, 3);
    const state = JSON.stringify(core.snapshot());
    await snapshots.save({ seq: snapshotSeq, stateHash: "tampered", state });
    await expect(recoverState(new Journal(pool), snapshots)).rejects.toThrow(
      /restores to state hash [0-9a-f]+, not the recorded tampered/,
    );
  });
});
