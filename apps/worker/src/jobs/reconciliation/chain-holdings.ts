import { chainToEngineAtoms } from "@exchange/domains/wallet/hot-wallet-lines";
import type { WalletChain } from "@exchange/domains/wallet/wallet-chain";
import type pg from "pg";

/**
 * The chain's side of reconciliation (issue 13 §8): per chain asset, what the exchange holds on
 * chain against what it owes its users. All amounts are engine atoms of the asset, as decimal
 * strings (the report's JSON).
 *
 * - On chain: the hot wallet's balance plus the users' deposit addresses' (funds not swept yet,
 *   and gas sent there for token sweeps), the two totals each converted from the chain's unit and
 *   rounded DOWN (hot-wallet-lines.ts `chainToEngineAtoms`): dust below one engine atom is never
 *   counted, so rounding can hide no shortfall.
 * - Owed: users' available and frozen balances of the asset (`account_balances`, user id > 0;
 *   frozen includes withdrawals waiting), less what withdrawals already sent on chain still hold
 *   frozen until the engine settles them (broadcast, or confirmed and not yet settled): that
 *   amount has left the hot wallet but not the books yet.
 * - Difference: on chain − owed. A surplus is the exchange's own funds and dust (fees, gas
 *   reserves); a shortfall means users are owed more than the chain holds and needs attention.
 *
 * The chain is read a moment apart from the tables: a deposit seen on chain before its credit
 * shows as a short-lived surplus, never as a shortfall.
 */
export interface ChainHolding {
  asset: string;
  hotWalletAtoms: string;
  depositAddressesAtoms: string;
  onChainAtoms: string;
  liabilitiesAtoms: string;
  /** Withdrawals sent on chain whose frozen funds the engine has not settled yet. */
  inFlightAtoms: string;
  /** On chain − (liabilities − in flight); negative is a shortfall. */
  differenceAtoms: string;
}

export interface ChainHoldings {
  chainKey: string;
  hotWalletAddress: string;
  /** Why the chain could not be read this time; the assets are then empty. */
  error: string | null;
  assets: ChainHolding[];
}

interface ChainAssetRow {
  asset_code: string;
  contract_address: string | null;
  decimals: number;
  precision: number;
}

/** Deposit addresses read from the node at once, at most. */
const BALANCE_READS_AT_ONCE = 16;

/** Reads both sides for every enabled asset of the wallet's chain. Throws when the node fails. */
export async function readChainHoldings(
  pool: pg.Pool,
  wallet: WalletChain,
): Promise<ChainHoldings> {
  const assets = await pool.query<ChainAssetRow>(
    `SELECT c.asset_code, c.contract_address, c.decimals, a.precision
       FROM chain_assets c JOIN assets a ON a.code = c.asset_code
      WHERE c.chain_key = $1 AND c.enabled AND (c.kind = 'NATIVE' OR c.contract_address IS NOT NULL)
      ORDER BY c.asset_code`,
    [wallet.key],
  );
  const codes = assets.rows.map((row) => row.asset_code);
  const [addresses, owed, inFlight] = await Promise.all([
    pool.query<{ address: string }>(
      "SELECT address FROM deposit_addresses WHERE chain_key = $1 ORDER BY user_id",
      [wallet.key],
    ),
    sumsByAsset(
      pool,
      `SELECT asset, sum(balance_atoms)::text AS total FROM account_balances
        WHERE user_id > 0 AND account IN ('available', 'frozen') AND asset = ANY($1)
        GROUP BY asset`,
      [codes],
    ),
    sumsByAsset(
      pool,
      `SELECT asset_code AS asset, sum(amount_atoms)::text AS total FROM withdrawals
        WHERE chain_key = $1 AND engine_done_at IS NULL
          AND (status = 'BROADCAST' OR status = 'CONFIRMED')
        GROUP BY asset_code`,
      [wallet.key],
    ),
  ]);
  const holdings: ChainHolding[] = [];
  for (const row of assets.rows) {
    const balanceOf = (address: string) =>
      row.contract_address
        ? wallet.adapter.tokenBalance(row.contract_address, address)
        : wallet.adapter.nativeBalance(address);
    const hot = await balanceOf(wallet.addresses.hotWalletAddress);
    const deposits = await sumInBatches(
      addresses.rows.map((r) => r.address),
      balanceOf,
    );
    const toAtoms = (units: bigint) => chainToEngineAtoms(units, row.decimals, row.precision);
    holdings.push(
      chainHolding({
        asset: row.asset_code,
        hotWalletAtoms: toAtoms(hot),
        depositAddressesAtoms: toAtoms(deposits),
        liabilitiesAtoms: owed.get(row.asset_code) ?? 0n,
        inFlightAtoms: inFlight.get(row.asset_code) ?? 0n,
      }),
    );
  }
  return {
    chainKey: wallet.key,
    hotWalletAddress: wallet.addresses.hotWalletAddress,
    error: null,
    assets: holdings,
  };
}

/** One asset's line of the report from its four figures. */
export function chainHolding(figures: {
  asset: string;
  hotWalletAtoms: bigint;
  depositAddressesAtoms: bigint;
  liabilitiesAtoms: bigint;
  inFlightAtoms: bigint;
}): ChainHolding {
  const onChain = figures.hotWalletAtoms + figures.depositAddressesAtoms;
  const owed = figures.liabilitiesAtoms - figures.inFlightAtoms;
  return {
    asset: figures.asset,
    hotWalletAtoms: figures.hotWalletAtoms.toString(),
    depositAddressesAtoms: figures.depositAddressesAtoms.toString(),
    onChainAtoms: onChain.toString(),
    liabilitiesAtoms: figures.liabilitiesAtoms.toString(),
    inFlightAtoms: figures.inFlightAtoms.toString(),
    differenceAtoms: (onChain - owed).toString(),
  };
}

/** Whether any asset holds less on chain than users are owed. */
export function hasShortfall(holdings: ChainHoldings | null): boolean {
  return holdings?.assets.some((a) => BigInt(a.differenceAtoms) < 0n) ?? false;
}

async function sumsByAsset(
  pool: pg.Pool,
  sql: string,
  params: unknown[],
): Promise<Map<string, bigint>> {
  const { rows } = await pool.query<{ asset: string; total: string }>(sql, params);
  return new Map(rows.map((r) => [r.asset, BigInt(r.total)]));
}

async function sumInBatches(
  addresses: string[],
  balanceOf: (address: string) => Promise<bigint>,
): Promise<bigint> {
  let total = 0n;
  for (let i = 0; i < addresses.length; i += BALANCE_READS_AT_ONCE) {
    const batch = await Promise.all(addresses.slice(i, i + BALANCE_READS_AT_ONCE).map(balanceOf));
    for (const balance of batch) total += balance;
  }
  return total;
}
