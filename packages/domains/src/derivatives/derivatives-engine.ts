import type { Market } from "@exchange/contracts/market";
import type { MarginMode } from "@exchange/core";
import { commandIds, type EngineReply } from "@exchange/protocol";
import { sendKeptCommand } from "../engine-commands";
import type { Services } from "../services";
import { type ContractTerms, contractAddCommand } from "./contract-listing";

/**
 * The derivatives domain's engine commands, and nothing else sends them: traders' transfers and
 * position settings, operations' listings, the worker's marks and funding. Money moves are keyed
 * by the record they act for (the transfer's id, the mark's time, the funding time), so a retry
 * is answered from the journal and moves the money once.
 */

export const DERIVATIVES_BUSINESS = {
  transfer: "futures.transfer",
  mark: "mark.set",
  funding: "funding.settle",
} as const;

/** What the domain's commands need: the worker has these, not all of `Services`. */
export type DerivativesServices = Pick<Services, "engine" | "clock">;

type Outcome = Promise<EngineReply["outcome"]>;

/** Spot available ↔ futures wallet, keyed by the transfer's id. */
export function sendFuturesTransfer(
  services: DerivativesServices,
  transfer: {
    transferId: string;
    userId: number;
    asset: string;
    amountAtoms: bigint;
    direction: "toFutures" | "toSpot";
  },
): Outcome {
  return sendKeptCommand(services, {
    type: "futures.transfer",
    id: commandIds.futuresTransfer(transfer.transferId),
    ts: services.clock.now(),
    business: DERIVATIVES_BUSINESS.transfer,
    businessId: transfer.transferId,
    userId: transfer.userId,
    asset: transfer.asset,
    amountAtoms: transfer.amountAtoms,
    direction: transfer.direction,
  });
}

/** A trader's leverage or margin mode in a contract. */
export function sendPositionSettings(
  services: DerivativesServices,
  change: { userId: number; symbol: string; requestId: string } & (
    | { leverage: number }
    | { mode: MarginMode }
  ),
): Outcome {
  const { userId, symbol } = change;
  const base = {
    id: commandIds.positionSettings(userId, symbol, change.requestId),
    ts: services.clock.now(),
    userId,
    symbol,
  };
  return sendKeptCommand(
    services,
    "leverage" in change
      ? { ...base, type: "position.setLeverage", leverage: change.leverage }
      : { ...base, type: "position.setMarginMode", mode: change.mode },
  );
}

/**
 * Lists a perpetual contract (operations), under the id the reference-data sync gives the same
 * row (contract-listing.ts), so a restart's sync is answered from the journal.
 */
export function sendContractAdd(
  services: DerivativesServices,
  market: Market,
  terms: ContractTerms,
): Outcome {
  return sendKeptCommand(services, contractAddCommand(market, terms, services.clock.now()));
}

/** A contract's mark price (and the index it came from) sampled at `at`. */
export function sendMark(
  services: DerivativesServices,
  mark: { symbol: string; markPriceTicks: bigint; indexPriceTicks: bigint; at: number },
): Outcome {
  return sendKeptCommand(services, {
    type: "mark.set",
    id: commandIds.markSet(mark.symbol, mark.at),
    ts: services.clock.now(),
    business: DERIVATIVES_BUSINESS.mark,
    businessId: `${mark.symbol}:${mark.at}`,
    ...mark,
  });
}

/** Funding of a contract at one funding time and rate. */
export function sendFunding(
  services: DerivativesServices,
  funding: { symbol: string; fundingTime: number; ratePpm: number },
): Outcome {
  return sendKeptCommand(services, {
    type: "funding.settle",
    id: commandIds.fundingSettle(funding.symbol, funding.fundingTime),
    ts: services.clock.now(),
    business: DERIVATIVES_BUSINESS.funding,
    businessId: `${funding.symbol}:${funding.fundingTime}`,
    ...funding,
  });
}
