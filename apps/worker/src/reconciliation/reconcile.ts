import { type CoreSnapshot, SYSTEM_ACCOUNTS } from "@exchange/core";
import { type Journal, recoverState, SnapshotStore } from "@exchange/journal";
import type pg from "pg";
import { readProjectorOffset } from "../projector/projection-writer";

/** One account whose numbers disagree. Amounts are atoms, as decimal strings. */
export interface Difference {
  kind: "ledger-not-zero" | "balance-vs-postings" | "projection-vs-engine";
  asset: string;
  userId?: number;
  account?: string;
  expected: string;
  actual: string;
}

export interface ReconciliationResult {
  seq: number;
  ok: boolean;
  /** Sum of all postings per asset; each must be "0". */
  assetTotals: Record<string, string>;
  differences: Difference[];
}

const key = (userId: number, account: string, asset: string) => `${userId}|${account}|${asset}`;

/**
 * Proves the books (seed 004, 对账) at one journal sequence — the projector's — read from one
 * consistent database snapshot:
 * 1. per asset, all ledger postings sum to zero (double entry);
 * 2. every projected account balance equals the sum of its postings;
 * 3. every projected balance equals the engine's own state at that sequence, rebuilt from the
 *    engine's snapshot and journal (not asked of the running engine, so the check is independent
 *    of it and of its timing).
 */
export async function reconcile(pool: pg.Pool, journal: Journal): Promise<ReconciliationResult> {
  const read = await readConsistentBooks(pool);
  const differences: Difference[] = [];
  for (const [asset, total] of Object.entries(read.assetTotals)) {
    if (total !== "0")
      differences.push({ kind: "ledger-not-zero", asset, expected: "0", actual: total });
  }
  for (const row of read.postingMismatches)
    differences.push({ kind: "balance-vs-postings", ...row });
  differences.push(...(await compareWithEngine(pool, journal, read.seq, read.projected)));
  return {
    seq: read.seq,
    ok: differences.length === 0,
    assetTotals: read.assetTotals,
    differences,
  };
}

interface ConsistentBooks {
  seq: number;
  assetTotals: Record<string, string>;
  postingMismatches: Array<Omit<Difference, "kind">>;
  projected: Map<string, bigint>;
}

async function readConsistentBooks(pool: pg.Pool): Promise<ConsistentBooks> {
  const client = await pool.connect();
  try {
    // One snapshot of the database for all three reads: the projector may commit meanwhile.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const seq = await readProjectorOffset(client);
    const totals = await client.query<{ asset: string; total: string }>(
      "SELECT asset, sum(amount_atoms)::text AS total FROM ledger_postings GROUP BY asset ORDER BY asset",
    );
    const mismatches = await client.query<{
      user_id: number;
      account: string;
      asset: string;
      balance: string;
      postings: string;
    }>(
      `SELECT coalesce(b.user_id, p.user_id) AS user_id, coalesce(b.account, p.account) AS account,
              coalesce(b.asset, p.asset) AS asset, coalesce(b.balance_atoms, 0)::text AS balance,
              coalesce(p.total, 0)::text AS postings
       FROM account_balances b
       FULL JOIN (SELECT user_id, account, asset, sum(amount_atoms) AS total
                  FROM ledger_postings GROUP BY user_id, account, asset) p
         ON p.user_id = b.user_id AND p.account = b.account AND p.asset = b.asset
       WHERE coalesce(b.balance_atoms, 0) <> coalesce(p.total, 0)`,
    );
    const balances = await client.query<{
      user_id: number;
      account: string;
      asset: string;
      balance: string;
    }>("SELECT user_id, account, asset, balance_atoms::text AS balance FROM account_balances");
    await client.query("COMMIT");
    return {
      seq,
      assetTotals: Object.fromEntries(totals.rows.map((r) => [r.asset, r.total])),
      postingMismatches: mismatches.rows.map((r) => ({
        asset: r.asset,
        userId: r.user_id,
        account: r.account,
        expected: r.postings,
        actual: r.balance,
      })),
      projected: new Map(
        balances.rows.map((r) => [key(r.user_id, r.account, r.asset), BigInt(r.balance)]),
      ),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function compareWithEngine(
  pool: pg.Pool,
  journal: Journal,
  seq: number,
  projected: Map<string, bigint>,
): Promise<Difference[]> {
  const { core } = await recoverState(journal, new SnapshotStore(pool, Number.MAX_SAFE_INTEGER), {
    upToSeq: seq,
  });
  const engine = engineBalances(core.snapshot());
  const differences: Difference[] = [];
  for (const k of new Set([...engine.keys(), ...projected.keys()])) {
    const expected = engine.get(k) ?? 0n;
    const actual = projected.get(k) ?? 0n;
    if (expected === actual) continue;
    const [userId, account, asset] = k.split("|") as [string, string, string];
    differences.push({
      kind: "projection-vs-engine",
      asset,
      userId: Number(userId),
      account,
      expected: expected.toString(),
      actual: actual.toString(),
    });
  }
  return differences;
}

/** Every non-zero account of the engine's state, keyed like the projection's rows. */
function engineBalances(snapshot: CoreSnapshot) {
  const balances = new Map<string, bigint>();
  const put = (userId: number, account: string, asset: string, atoms: string) => {
    if (atoms !== "0") balances.set(key(userId, account, asset), BigInt(atoms));
  };
  for (const asset of snapshot.assets) {
    SYSTEM_ACCOUNTS.forEach((account, i) => {
      put(0, account, asset.code, asset.system[i] ?? "0");
    });
  }
  for (const account of snapshot.accounts) {
    for (const b of account.balances) {
      put(account.userId, "available", b.asset, b.available);
      put(account.userId, "frozen", b.asset, b.frozen);
    }
  }
  return balances;
}
