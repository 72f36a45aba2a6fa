import { type CoreState, isPositiveId, Rejection, reject } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import type { Asset } from "../../model";
import { RejectCode } from "../../reject-code";
import {
  checkCredit,
  checkPositive,
  emitBalanceChanged,
  findAsset,
} from "../accounts/balance-commands";
import { creditAvailable, debitAvailable, getBalance, postSystem } from "../accounts/ledger";
import type { FuturesTransferCommand } from "./commands";
import type { FuturesAccount } from "./futures-account";
import { availableMarginAtoms } from "./margin-account";
import { emitPosition } from "./position-events";

/** Moves a settle asset between a user's spot balance and futures wallet (see the command). */
export function futuresTransfer(
  s: CoreState,
  c: FuturesTransferCommand,
  events: CoreEvent[],
): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  if (c.direction !== "toFutures" && c.direction !== "toSpot") {
    return reject(RejectCode.InvalidCommand, 'direction must be "toFutures" or "toSpot"');
  }
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  const bad = checkPositive(c.amountAtoms);
  if (bad !== null) return bad;
  return c.direction === "toFutures"
    ? intoFutures(s, c, asset, events)
    : outOfFutures(s, c, asset, events);
}

function intoFutures(
  s: CoreState,
  c: FuturesTransferCommand,
  asset: Asset,
  events: CoreEvent[],
): Rejection | null {
  const balance = s.accounts.get(c.userId)?.balances[asset.index];
  if (balance === undefined || balance.available < c.amountAtoms) {
    return reject(RejectCode.InsufficientBalance, `available ${asset.code} is below the transfer`);
  }
  const postings: Posting[] = [];
  debitAvailable(c.userId, asset, balance, c.amountAtoms, postings);
  postSystem(asset, "futuresMargin", c.amountAtoms, postings);
  const futures = s.futuresAccountFor(c.userId);
  futures.setWallet(asset, futures.walletOf(asset) + c.amountAtoms);
  emit(s, c, futures, asset, postings, events);
  return null;
}

function outOfFutures(
  s: CoreState,
  c: FuturesTransferCommand,
  asset: Asset,
  events: CoreEvent[],
): Rejection | null {
  const futures = s.futuresAccounts.get(c.userId);
  if (futures === undefined || transferableAtoms(futures, asset) < c.amountAtoms) {
    return reject(
      RejectCode.InsufficientBalance,
      `the futures wallet cannot spare ${c.amountAtoms} ${asset.code} atoms`,
    );
  }
  const bad = checkCredit(s, c.userId, asset, c.amountAtoms);
  if (bad !== null) return bad;
  const postings: Posting[] = [];
  postSystem(asset, "futuresMargin", 0n - c.amountAtoms, postings);
  creditAvailable(
    c.userId,
    asset,
    getBalance(s.accountFor(c.userId), asset),
    c.amountAtoms,
    postings,
  );
  futures.setWallet(asset, futures.walletOf(asset) - c.amountAtoms);
  emit(s, c, futures, asset, postings, events);
  return null;
}

/** What a futures account can move back to spot: what it has available, never below 0. */
export function transferableAtoms(futures: FuturesAccount, asset: Asset): bigint {
  const available = availableMarginAtoms(futures, asset);
  return available > 0n ? available : 0n;
}

/**
 * Reports the wallet, and re-indexes and reports each open cross position it margins: their
 * liquidation prices moved with it (a transfer back to spot raises a long's), and the index
 * must find them at the new price.
 */
function emit(
  s: CoreState,
  c: FuturesTransferCommand,
  futures: FuturesAccount,
  asset: Asset,
  postings: Posting[],
  events: CoreEvent[],
): void {
  emitBalanceChanged(c, "futures.transfer", postings, events);
  events.push({
    type: "futures.walletChanged",
    userId: futures.userId,
    asset: asset.code,
    walletAtoms: futures.walletOf(asset),
    cause: "futures.transfer",
  });
  for (const position of futures.positions) {
    if (position.mode !== "cross" || position.qtyLots === 0n) continue;
    if (position.perpetual.settle === asset) {
      emitPosition(s, position, 0n, "futures.transfer", events);
    }
  }
}
