import type { Market } from "@exchange/contracts/market";
import { RejectCode } from "@exchange/core";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { checkMarketDraft } from "../markets/market-draft";
import type { MarketOperationServices, StaffCaller } from "../markets/market-operations";
import {
  deleteMarket,
  findAssetPrecisions,
  findMarketStatus,
  insertMarket,
} from "../markets/market-operations-repository";
import { inTransaction, isUniqueViolation } from "../services";
import type { ContractTerms } from "./contract-listing";
import { type CreateContractInput, ratePpm } from "./contract-listing-contracts";
import { sendContractAdd } from "./derivatives-engine";
import { deleteContractTerms, insertContractTerms } from "./derivatives-repository";

/**
 * Operations list a perpetual contract (issue 20 §1) as they create a spot market
 * (markets/market-operations.ts `createMarket`): the input is checked field by field, the rows
 * are written first (the worker formats the market's data from its `markets` row as soon as the
 * engine announces it), then the engine is asked by `contract.add` under the id the
 * reference-data sync gives the same rows. A refusal removes the rows; a crash before the answer
 * leaves them for the next start's sync to send again under that id. Halting and resuming are
 * the markets' status changes.
 */

const HOUR_MS = 3_600_000;

export async function createContract(
  services: MarketOperationServices,
  caller: StaffCaller,
  input: CreateContractInput,
): Promise<Market> {
  const { market, terms } = await checkedContract(services, input);
  const taken = () =>
    new AppError(AppErrorCode.INVALID_INPUT, `The contract ${market.symbol} exists.`, {
      baseAsset: [`The contract ${market.symbol} exists.`],
    });
  try {
    await inTransaction(services.db, async (tx) => {
      await insertMarket(tx, market);
      await insertContractTerms(
        tx,
        { symbol: market.symbol, ...terms },
        new Date(services.clock.now()),
      );
    });
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
  const outcome = await sendListing(services, market, terms);
  if (!outcome.ok) {
    await inTransaction(services.db, async (tx) => {
      await deleteContractTerms(tx, market.symbol);
      await deleteMarket(tx, market.symbol);
    });
    if (outcome.code === RejectCode.MarketExists) throw taken();
    throw new AppError(AppErrorCode.INVALID_INPUT, `The engine refused it: ${outcome.message}.`);
  }
  await recordAudit(services.db, {
    actor: { kind: "staff", staffId: caller.staffId },
    action: "contract.create",
    target: { type: "market", id: market.symbol },
    after: { ...market, ...auditTerms(input) },
    ip: caller.ip,
  });
  return market;
}

async function sendListing(
  services: MarketOperationServices,
  market: Market,
  terms: ContractTerms,
) {
  try {
    return await sendContractAdd(services, market, terms);
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.ENGINE_UNAVAILABLE) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The engine did not answer in time. Look at the markets list before trying again.",
      );
    }
    throw error;
  }
}

/** The terms as the audit keeps them: what operations typed, rates and bounds as text. */
function auditTerms(input: CreateContractInput) {
  return {
    maxLeverage: input.maxLeverage,
    riskTiers: input.riskTiers,
    fundingIntervalHours: input.fundingIntervalHours,
    fundingCap: input.fundingCap,
    interestRate: input.interestRate,
  };
}

/** The contract's market row and terms, or INVALID_INPUT with a message per wrong field. */
async function checkedContract(
  services: MarketOperationServices,
  input: CreateContractInput,
): Promise<{ market: Market; terms: ContractTerms }> {
  const precisions = await findAssetPrecisions(services.db, [input.baseAsset, input.quoteAsset]);
  const base = precisions.get(input.baseAsset);
  const quote = precisions.get(input.quoteAsset);
  if (base === undefined || quote === undefined) {
    const field = base === undefined ? "baseAsset" : "quoteAsset";
    const code = base === undefined ? input.baseAsset : input.quoteAsset;
    throw new AppError(AppErrorCode.INVALID_INPUT, `There is no asset ${code}.`, {
      [field]: [`There is no asset ${code}.`],
    });
  }
  const checked = checkMarketDraft(input, { base, quote });
  if ("fieldErrors" in checked) {
    throw new AppError(
      AppErrorCode.INVALID_INPUT,
      "Some fields need a correction.",
      checked.fieldErrors,
    );
  }
  const market = { ...checked.market, symbol: contractSymbol(input) };
  if ((await findMarketStatus(services.db, market.symbol)) !== null) {
    throw new AppError(AppErrorCode.INVALID_INPUT, `The contract ${market.symbol} exists.`, {
      baseAsset: [`The contract ${market.symbol} exists.`],
    });
  }
  return { market, terms: contractTerms(input, quote) };
}

/** `BTCUSDT-PERP`: base and settle asset, as Binance names its USDT-margined perpetuals. */
export function contractSymbol(input: { baseAsset: string; quoteAsset: string }): string {
  return `${input.baseAsset}${input.quoteAsset}-PERP`;
}

/** The input's terms in engine units: tier bounds in atoms of the settle asset, rates in ppm. */
export function contractTerms(input: CreateContractInput, settlePrecision: number): ContractTerms {
  const atoms = 10n ** BigInt(settlePrecision);
  return {
    maxLeverage: input.maxLeverage,
    riskTiers: input.riskTiers.map((t) => ({
      maxNotionalAtoms: BigInt(t.maxNotional) * atoms,
      maintenanceMarginPpm: Number(ratePpm(t.maintenanceRate)),
      maxLeverage: t.maxLeverage,
    })),
    fundingIntervalMs: input.fundingIntervalHours * HOUR_MS,
    fundingCapPpm: Number(ratePpm(input.fundingCap)),
    interestPpm: Number(ratePpm(input.interestRate)),
  };
}
