import { parseUnits } from "@exchange/contracts/money";
import { type Command, hashText, RejectCode } from "@exchange/core";
import { commandIds, type EngineClient, stringifyWire } from "@exchange/protocol";
import { contractAddCommand } from "../derivatives/contract-listing";
import { findContracts } from "../derivatives/derivatives-repository";
import { feeTierCommands } from "../fees/fee-tiers";
import type { Store } from "../services";
import { engineMarketConfig } from "./market-config";
import { findAssets, findMarkets } from "./market-repository";

/**
 * The engine learns assets, markets and fee tiers only by command. These are the commands that
 * bring it in line with the database's reference data (assets, markets, then the fee schedule
 * and traders' tiers, fees/fee-tiers.ts); their ids are derived from the data, so sending them
 * again is answered from the engine's journal and changes nothing, while an engine started on an
 * empty journal takes them all.
 */
export async function referenceDataCommands(db: Store, ts: number): Promise<Command[]> {
  const [assets, markets, contracts, fees] = await Promise.all([
    findAssets(db),
    findMarkets(db),
    findContracts(db),
    feeTierCommands(db, ts),
  ]);
  const terms = new Map(contracts.map((c) => [c.symbol, c]));
  return [
    ...assets.map(({ code, precision, maxAmount }): Command => {
      const maxAmountAtoms = parseUnits(maxAmount, precision);
      return {
        type: "asset.add",
        id: commandIds.addAsset(code),
        ts,
        code,
        precision,
        maxAmountAtoms,
      };
    }),
    ...markets.flatMap((m): Command[] => {
      const { status, ...config } = engineMarketConfig(m);
      if (PERPETUAL_SYMBOL.test(m.symbol)) {
        // A perpetual is listed by contract.add with its terms, as the projector recorded them
        // from the engine; a perpetual the engine never took has none, and is not sent.
        const contract = terms.get(m.symbol);
        return contract === undefined ? [] : [contractAddCommand(m, contract, ts)];
      }
      // The id names the configuration, so a corrected market is sent anew rather than answered
      // with the journal's verdict on the old one.
      const id = commandIds.addMarket(m.symbol, hashText(stringifyWire(config)));
      return [{ type: "market.add", id, ts, ...config, status }];
    }),
    ...fees,
  ];
}

/** A perpetual contract's market symbol (the core's `CONTRACT_SYMBOL_PATTERN`). */
const PERPETUAL_SYMBOL = /-PERP$/;

/**
 * Sends the reference-data commands, stamped `ts` (the caller's clock); an asset or market the
 * engine already has is fine.
 */
export async function syncReferenceData(
  db: Store,
  engine: EngineClient,
  ts: number,
): Promise<void> {
  for (const command of await referenceDataCommands(db, ts)) {
    const { outcome } = await engine.send(command, { timeoutMs: 30_000 });
    const known =
      !outcome.ok && [RejectCode.AssetExists, RejectCode.MarketExists].includes(outcome.code);
    if (!outcome.ok && !known) {
      throw new Error(`engine refused ${command.id}: ${outcome.message}`);
    }
  }
}
