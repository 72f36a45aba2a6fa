import { assert } from "./assert";
import { CoreState } from "./core-state";
import { accountsModule } from "./modules/accounts";
import type { AccountsSnapshot } from "./modules/accounts/snapshot";
import { derivativesModule } from "./modules/derivatives";
import type { DerivativesSnapshot } from "./modules/derivatives/snapshot";
import { lendingModule } from "./modules/lending";
import type { LendingSnapshot } from "./modules/lending/snapshot";
import { savingsModule } from "./modules/savings";
import type { SavingsSnapshot } from "./modules/savings/snapshot";
import type { SnapshotSection } from "./modules/snapshot-section";
import { spotModule } from "./modules/spot";
import type { BookKind } from "./modules/spot/book/order-book";
import type { SpotSnapshot } from "./modules/spot/snapshot";

export type * from "./modules/accounts/snapshot";
export type * from "./modules/lending/snapshot";
export type * from "./modules/savings/snapshot";
export type * from "./modules/spot/snapshot";

/**
 * The whole state as plain JSON: bigints as decimal strings, no Maps, every list in a canonical
 * order (orders by id, accounts by user id, keys sorted) so that equal states serialise — and
 * hash — identically however they were reached. Each module owns some of the top-level keys
 * (its section, `modules/<name>/snapshot.ts`).
 */
export interface CoreSnapshot
  extends SpotSnapshot,
    AccountsSnapshot,
    SavingsSnapshot,
    LendingSnapshot,
    DerivativesSnapshot {
  /**
   * 3 since savings (the `savingsPositions` key, and the `savingsInterest` system account at the
   * end of each asset's `system` array); 2 since the market and asset limits (limits.ts).
   * Older versions restore as their journals' commands replay: a version 1 snapshot, which has
   * no limits, with the ceilings (`LEGACY_LIMITS`); version 1 and 2 with no savings positions
   * and the system accounts they lack at 0. A restored older snapshot hashes differently from
   * the text it was read from (the layout changed), which recovery allows for.
   */
  version: 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * The version `snapshot()` writes. 6 since derivatives: the `futuresAccounts`,
 * `derivativesReceipts` and `perpetuals` keys (a perpetual's market is among `markets`), and the `futuresMargin` and `futuresPnl` system accounts at the
 * end of each asset's `system` array; older versions restore with none of them (accounts at 0).
 * 5 since lending: the `loans`, `indexPrices` and
 * `lendingReceipts` keys, and the `loanCollateral` and `loanIncome` system accounts at the end of
 * each asset's `system` array; older versions restore with no loans, no index prices and those
 * accounts at 0. 4 since stop and OCO orders: each market's `lastPriceTicks`
 * (what stops trigger on), and the optional stop / OCO fields of an order entry. Older versions
 * restore with no last trade price ("0": the first stop order of such a market is accepted
 * whatever its stop price, until the market trades again) and, having no stop orders, nothing else.
 */
export const SNAPSHOT_VERSION = 6;

type Sections = Omit<CoreSnapshot, "version">;

const SECTIONS: SnapshotSection<Sections> = {
  ...spotModule.snapshot,
  ...accountsModule.snapshot,
  ...savingsModule.snapshot,
  ...lendingModule.snapshot,
  ...derivativesModule.snapshot,
};

/**
 * The keys in the order they are written and restored. Pinned rather than grouped by module:
 * `stateHash()` and the engine's stored snapshots hash this JSON text, so the key order is part
 * of the format (the layout of version 2, written before the modules existed, then savings'
 * key in version 3), and restoring in it meets each key's needs (markets need assets, accounts
 * their fee tiers, orders and savings positions their accounts). A new module appends its keys
 * and bumps the version.
 */
const KEY_ORDER = [
  "nextOrderId",
  "nextTradeId",
  "assets",
  "markets",
  "feeTiers",
  "accounts",
  "orders",
  "withdrawals",
  "receipts",
  "savingsPositions",
  "loans",
  "indexPrices",
  "lendingReceipts",
  "futuresAccounts",
  "derivativesReceipts",
  "perpetuals",
] as const satisfies readonly (keyof Sections)[];

// Every module's key has its place in the order (a compile error names one that has not).
type Unordered = Exclude<keyof Sections, (typeof KEY_ORDER)[number]>;
const everyKeyOrdered: Unordered extends never ? true : Unordered = true;
void everyKeyOrdered;

export function takeSnapshot(s: CoreState): CoreSnapshot {
  const snapshot: Record<string, unknown> = { version: SNAPSHOT_VERSION };
  for (const key of KEY_ORDER) snapshot[key] = SECTIONS[key].write(s);
  return snapshot as unknown as CoreSnapshot;
}

/** Rebuilds a state from a snapshot; orders re-rest in id order, which keeps their priority. */
export function restoreState(snapshot: CoreSnapshot, bookKind: BookKind): CoreState {
  assert(
    snapshot.version === 1 ||
      snapshot.version === 2 ||
      snapshot.version === 3 ||
      snapshot.version === 4 ||
      snapshot.version === 5 ||
      snapshot.version === SNAPSHOT_VERSION,
    "unsupported snapshot version",
  );
  const s = new CoreState(bookKind);
  for (const key of KEY_ORDER) readSection(s, key, snapshot[key]);
  return s;
}

function readSection<K extends keyof Sections>(s: CoreState, key: K, value: Sections[K]): void {
  // TypeScript cannot correlate SECTIONS[key] with Sections[key] for a union key.
  const section = SECTIONS[key] as { read: (s: CoreState, value: Sections[K]) => void };
  section.read(s, value);
}
