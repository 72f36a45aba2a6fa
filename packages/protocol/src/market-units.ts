import { formatSteps, formatUnits, parseSteps, parseUnits } from "@exchange/core";

/** What it takes to translate one market's integer units to decimals and back. */
export interface MarketScale {
  symbol: string;
  base: string;
  quote: string;
  basePrecision: number;
  quotePrecision: number;
  /** Price step in quote atoms. */
  tickSizeAtoms: bigint;
  /** Quantity step in base atoms. */
  lotSizeAtoms: bigint;
}

/**
 * The edge translation between the engine's integers and the decimal strings of the API, the
 * WebSocket feed and the UI (dYdX's protocol-translations): prices in ticks, quantities in lots,
 * amounts in atoms. Parsing never rounds: a price off the tick or an amount with too many
 * decimals throws core's UnitsError naming the rule it broke.
 */
export class MarketUnits {
  constructor(readonly scale: MarketScale) {}

  price(ticks: bigint): string {
    return formatSteps(ticks, this.scale.quotePrecision, this.scale.tickSizeAtoms);
  }

  quantity(lots: bigint): string {
    return formatSteps(lots, this.scale.basePrecision, this.scale.lotSizeAtoms);
  }

  /** An amount of the quote asset (notional, quote fee, quote volume). */
  quote(atoms: bigint): string {
    return formatUnits(atoms, this.scale.quotePrecision);
  }

  /** An amount of the base asset in atoms (a base fee). */
  base(atoms: bigint): string {
    return formatUnits(atoms, this.scale.basePrecision);
  }

  /** An amount of either asset of the market, by code. */
  amount(atoms: bigint, asset: string): string {
    return asset === this.scale.base ? this.base(atoms) : this.quote(atoms);
  }

  parsePrice(text: string): bigint {
    return parseSteps(text, this.scale.quotePrecision, this.scale.tickSizeAtoms);
  }

  parseQuantity(text: string): bigint {
    return parseSteps(text, this.scale.basePrecision, this.scale.lotSizeAtoms);
  }

  parseQuote(text: string): bigint {
    return parseUnits(text, this.scale.quotePrecision);
  }

  /**
   * Average fill price of `quoteAtoms` over `lots`, rounded down to a whole tick (display only:
   * it moves no money). Null when nothing filled.
   */
  averagePrice(quoteAtoms: bigint, lots: bigint): string | null {
    if (lots === 0n) return null;
    // quote atoms per lot ÷ quote atoms per tick-lot = ticks.
    return this.price(quoteAtoms / (lots * this.quotePerTickLot()));
  }

  /** Quote atoms of one lot at one tick, exact for a valid market (packages/core types.ts). */
  quotePerTickLot(): bigint {
    return (
      (this.scale.tickSizeAtoms * this.scale.lotSizeAtoms) / 10n ** BigInt(this.scale.basePrecision)
    );
  }

  /** Quote value of `lots` at `ticks`, in quote atoms: what the engine calls notional. */
  notional(ticks: bigint, lots: bigint): bigint {
    return ticks * lots * this.quotePerTickLot();
  }
}
