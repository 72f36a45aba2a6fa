import type { Asset } from "../../model";
import type { Position } from "./perpetual";

/**
 * A user's futures account: a wallet per settle asset, held in the `futuresMargin` system
 * account, apart from their spot balances. Money comes in and goes out only by
 * `futures.transfer`; fees, funding and realised PnL change it in place.
 */
export class FuturesAccount {
  readonly userId: number;
  /** Wallet balance per settle asset, indexed by `Asset.index`; a hole reads as 0. Never negative. */
  readonly wallets: (bigint | undefined)[] = [];
  /** Its positions, one per contract it has traded or set up, in the order they were made. */
  readonly positions: Position[] = [];

  constructor(userId: number) {
    this.userId = userId;
  }

  walletOf(asset: Asset): bigint {
    return this.wallets[asset.index] ?? 0n;
  }

  setWallet(asset: Asset, atoms: bigint): void {
    this.wallets[asset.index] = atoms;
  }
}
