import { type CoreSnapshot, SYSTEM_ACCOUNTS } from "@exchange/core";
import { type Journal, recoverState, SnapshotStore } from "@exchange/journal";
import type pg from "pg";
import { readProjectorOffset } from "../../consumers/projector/projection-writer";

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
  /** The journal seq proved: the read models' position. */
  seq: number;
  /** The engine's journal seq at the same instant. */
  engineSeq: number;
  ok: boolean;
  /** Why the report fails whatever its differences (read models too far behind); else null. */
  failure: string | null;
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
 *    of it and of its timing); so do the per-user split of `futuresMargin`: each futures wallet
 *    (account `futuresWallet`) and each isolated position's margin (`isolatedMargin:<symbol>`);
 * 4. that sequence is recent: the oldest entry the read models do not hold yet was journaled at
 *    most `maxLagMs` ago. Books that balance at a stale sequence are not "balanced" now.
 */
export async function reconcile(
  pool: pg.Pool,
  journal: Journal,
  options: { maxLagMs: number },
): Promise<ReconciliationResult> {
  const read = await readConsistentBooks(pool);
  const differences: Difference[] = [];
  for (const [asset, total] of Object.entries(read.assetTotals)) {
    if (total !== "0")
      differences.push({ kind: "ledger-not-zero", asset, expected: "0", actual: total });
  }
  for (const row of read.postingMismatches)
    differences.push({ kind: "balance-vs-postings", ...row });
  differences.push(...(await compareWithEngine(pool, journal, read.seq, read.projected)));
  const failure = lagFailure(read, options);
  return {
    seq: read.seq,
    engineSeq: read.engineSeq,
    ok: differences.length === 0 && failure === null,
    failure,
    assetTotals: read.assetTotals,
    differences,
  };
}

function lagFailure(
  read: Pick<ConsistentBooks, "seq" | "engineSeq" | "behindMs">,
  { maxLagMs }: { maxLagMs: number },
): string | null {
  const { behindMs } = read;
  if (behindMs <= maxLagMs) return null;
  return (
    `Read models lag the engine: they hold seq ${read.seq}, the engine is at ${read.engineSeq}; ` +
    `seq ${read.seq + 1} was journaled ${Math.round(behindMs / 1000)} s ago ` +
    `(limit ${Math.round(maxLagMs / 1000)} s). The projector is stuck or far behind.`
  );
}

interface ConsistentBooks {
  seq: number;
  engineSeq: number;
  /** How long ago the first journal entry after `seq` was written; 0 when there is none. */
  behindMs: number;
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
    // The age is computed by Postgres: journal times are zone-less, in the server's zone.
    const engine = await client.query<{ engine_seq: string; behind_ms: number | null }>(
      `SELECT coalesce(max(seq), 0)::text AS engine_seq,
              (SELECT (extract(epoch FROM localtimestamp - created_at) * 1000)::float8
                 FROM engine_journal WHERE seq = $1) AS behind_ms
       FROM engine_journal`,
      [seq + 1],
    );
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
    }>(
      `SELECT user_id, account, asset, balance_atoms::text AS balance FROM account_balances
       UNION ALL
       SELECT user_id, 'futuresWallet', asset, wallet_atoms::text FROM futures_wallets
       UNION ALL
       SELECT p.user_id, 'isolatedMargin:' || p.symbol, m.quote_asset, p.isolated_margin_atoms::text
         FROM positions p JOIN markets m ON m.symbol = p.symbol
        WHERE p.isolated_margin_atoms <> 0`,
    );
    await client.query("COMMIT");
    return {
      seq,
      engineSeq: Number(engine.rows[0]?.engine_seq ?? seq),
      behindMs: Math.max(engine.rows[0]?.behind_ms ?? 0, 0),
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
  // The split of `futuresMargin` per user: futures wallets and isolated positions' margins.
  for (const futures of snapshot.futuresAccounts ?? []) {
    for (const w of futures.wallets) put(futures.userId, "futuresWallet", w.asset, w.atoms);
  }
  const settleOf = new Map(snapshot.markets.map((m) => [m.symbol, m.quote]));
  for (const perpetual of snapshot.perpetuals ?? []) {
    const settle = settleOf.get(perpetual.symbol) ?? "";
    for (const p of perpetual.positions) {
      put(p.userId, `isolatedMargin:${perpetual.symbol}`, settle, p.isolatedMarginAtoms);
    }
  }
  return balances;
}
