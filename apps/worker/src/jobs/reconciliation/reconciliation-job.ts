import type { WalletChain } from "@exchange/domains/wallet/wallet-chain";
import type { Journal } from "@exchange/journal";
import { type Clock, clockDate, type Logger } from "@exchange/protocol";
import type pg from "pg";
import { type ChainHoldings, hasShortfall, readChainHoldings } from "./chain-holdings";
import { reconcile } from "./reconcile";

export interface ReconciliationJobDeps {
  pool: pg.Pool;
  journal: Journal;
  log: Logger;
  /** When the run started, as the report records it. */
  clock: Clock;
  /** A report fails when the read models hold nothing journaled more than this long ago. */
  maxLagMs: number;
  /** The wallet's chain: the report then compares what it holds with what users are owed. */
  wallet?: WalletChain;
}

/** What one run found, as the metrics show it. */
export interface ReconciliationOutcome {
  /** The seq the report proved (balanced or not). */
  seq: number;
  ok: boolean;
  differences: number;
  chainShortfall: boolean;
}

/**
 * Runs `reconcile` once and stores the result as a report for the admin console; resolves the
 * seq it proved (balanced or not). The queue runs it every RECONCILE_EVERY_MS. With a chain, the
 * report also holds the chain's side (chain-holdings.ts): a shortfall marks it as needing
 * attention without failing the ledger's checks, which prove other things.
 */
export async function reconcileAndReport(
  deps: ReconciliationJobDeps,
): Promise<ReconciliationOutcome> {
  const { pool, journal, log, maxLagMs } = deps;
  const startedAt = clockDate(deps.clock);
  const result = await reconcile(pool, journal, { maxLagMs });
  const chain = deps.wallet ? await chainSide(deps, deps.wallet) : null;
  const chainShortfall = hasShortfall(chain);
  await pool.query(
    `INSERT INTO reconciliation_reports
       (seq, engine_seq, ok, failure, asset_totals, differences, started_at, finished_at,
        chain_holdings, chain_shortfall)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() AT TIME ZONE 'utc', $8, $9)`,
    [
      result.seq,
      result.engineSeq,
      result.ok,
      result.failure,
      JSON.stringify(result.assetTotals),
      JSON.stringify(result.differences),
      startedAt,
      chain === null ? null : JSON.stringify(chain),
      chainShortfall,
    ],
  );
  if (chainShortfall) {
    log.error("the chain holds less than users are owed", {
      shortfalls: chain?.assets.filter((a) => BigInt(a.differenceAtoms) < 0n),
    });
  }
  const fields = {
    seq: result.seq,
    engineSeq: result.engineSeq,
    differences: result.differences.length,
  };
  if (result.ok) log.info("books reconcile", fields);
  else
    log.error("books do not reconcile", {
      ...fields,
      failure: result.failure,
      first: result.differences.slice(0, 5),
    });
  return {
    seq: result.seq,
    ok: result.ok,
    differences: result.differences.length,
    chainShortfall,
  };
}

/** The chain's side, or the reason it could not be read: the ledger's report is stored anyway. */
async function chainSide(deps: ReconciliationJobDeps, wallet: WalletChain): Promise<ChainHoldings> {
  try {
    return await readChainHoldings(deps.pool, wallet);
  } catch (error) {
    deps.log.warn("reconciliation could not read the chain", { error });
    return {
      chainKey: wallet.key,
      hotWalletAddress: wallet.addresses.hotWalletAddress,
      error: "The chain's node did not answer; the chain was not compared this time.",
      assets: [],
    };
  }
}
