import { z } from "zod";

/**
 * `@position`: a trader's perpetual position after each change the worker projects (a fill,
 * funding, a liquidation or auto-deleveraging, a change of leverage or margin mode), pushed after
 * the read model holds it. Quantities and money in the contract's engine units as integer text
 * (signed lots, settle atoms, ticks) so nothing is rounded on the way; a page shows the figures
 * `futures.account` formats, re-reading it on the push, and may use these to update at once.
 */
export const ZPositionPush = z.object({
  kind: z.literal("position"),
  symbol: z.string(),
  /** Signed lots: > 0 long, < 0 short, 0 flat. */
  qtyLots: z.string(),
  /** The entry notional, signed like the quantity, in settle atoms. */
  costAtoms: z.string(),
  mode: z.enum(["cross", "isolated"]),
  leverage: z.number().int(),
  isolatedMarginAtoms: z.string(),
  realisedPnlAtoms: z.string(),
  /** Where the engine liquidates it, in ticks; null when it has none. */
  liquidationPriceTicks: z.string().nullable(),
});
export type PositionPush = z.output<typeof ZPositionPush>;
export type PositionPushWire = z.input<typeof ZPositionPush>;

/**
 * `@account`, kind `futuresWallet`: a trader's futures wallet after each change the worker
 * projects (a transfer, a fill's realised PnL and fee, funding, a liquidation), pushed after the
 * read model holds it. The wallet in settle atoms as integer text; the page re-reads
 * `futures.account` for the margin figures around it.
 */
export const ZFuturesWalletPush = z.object({
  kind: z.literal("futuresWallet"),
  asset: z.string(),
  walletAtoms: z.string(),
});
export type FuturesWalletPush = z.output<typeof ZFuturesWalletPush>;
export type FuturesWalletPushWire = z.input<typeof ZFuturesWalletPush>;
