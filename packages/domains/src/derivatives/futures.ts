import { parseUnits, UnitsError } from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import type { EngineReply } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { sendFuturesTransfer, sendPositionSettings } from "./derivatives-engine";
import type {
  FuturesTransferInput,
  FuturesTransferOutput,
  LeverageInput,
  MarginModeInput,
} from "./futures-contracts";
import { findSettleAssetPrecision } from "./settle-asset-repository";

/**
 * A trader's futures account (issue 20 §2): transfers between the spot balance and the futures
 * wallet, and the leverage and margin mode of each contract. The engine decides every one;
 * these turn its refusals into words on the field concerned.
 */

type FuturesServices = Pick<Services, "db" | "engine" | "clock">;

function refuse(code: AppErrorCode, field: string, message: string): never {
  throw new AppError(code, message, { [field]: [message] });
}

/** Moves a settle asset between the trader's spot balance and futures wallet. */
export async function transferFutures(
  services: FuturesServices,
  caller: { userId: number },
  input: FuturesTransferInput,
): Promise<FuturesTransferOutput> {
  const precision = await findSettleAssetPrecision(services.db, input.asset);
  if (precision === null) {
    refuse(AppErrorCode.INVALID_INPUT, "asset", `No perpetual contract settles in ${input.asset}.`);
  }
  const amountAtoms = amountIn(input.amount, precision);
  const outcome = await sendFuturesTransfer(services, {
    transferId: input.transferId,
    userId: caller.userId,
    asset: input.asset,
    amountAtoms,
    direction: input.direction,
  });
  if (!outcome.ok) refuseTransfer(outcome, input);
  return {
    transferId: input.transferId,
    asset: input.asset,
    amount: input.amount,
    direction: input.direction,
    repeated: outcome.repeated,
  };
}

function amountIn(amount: string, precision: number): bigint {
  let atoms: bigint;
  try {
    atoms = parseUnits(amount, precision);
  } catch (error) {
    if (!(error instanceof UnitsError)) throw error;
    refuse(
      AppErrorCode.INVALID_INPUT,
      "amount",
      `Give an amount with at most ${precision} decimals.`,
    );
  }
  if (atoms <= 0n) refuse(AppErrorCode.INVALID_INPUT, "amount", "Give an amount above zero.");
  return atoms;
}

function refuseTransfer(
  outcome: Extract<EngineReply["outcome"], { ok: false }>,
  input: FuturesTransferInput,
): never {
  if (outcome.code === RejectCode.InsufficientBalance) {
    refuse(
      AppErrorCode.INSUFFICIENT_BALANCE,
      "amount",
      input.direction === "toFutures"
        ? `Your spot ${input.asset} balance is below that.`
        : `Your futures wallet can move at most what no position or order needs.`,
    );
  }
  if (outcome.code === RejectCode.AmountAboveMax) {
    refuse(
      AppErrorCode.INVALID_INPUT,
      "amount",
      `That would hold more ${input.asset} than allowed.`,
    );
  }
  refuse(AppErrorCode.INVALID_INPUT, "amount", `The transfer was refused: ${outcome.message}`);
}

/** Sets the trader's leverage in a contract. */
export async function setLeverage(
  services: FuturesServices,
  caller: { userId: number },
  input: LeverageInput,
): Promise<{ symbol: string; leverage: number }> {
  const outcome = await sendPositionSettings(services, { userId: caller.userId, ...input });
  if (!outcome.ok) refuseSettings(outcome, "leverage");
  return { symbol: input.symbol, leverage: input.leverage };
}

/** Sets the trader's margin mode in a contract (only with no position and no order there). */
export async function setMarginMode(
  services: FuturesServices,
  caller: { userId: number },
  input: MarginModeInput,
): Promise<{ symbol: string; mode: "cross" | "isolated" }> {
  const outcome = await sendPositionSettings(services, { userId: caller.userId, ...input });
  if (!outcome.ok) refuseSettings(outcome, "mode");
  return { symbol: input.symbol, mode: input.mode };
}

function refuseSettings(
  outcome: Extract<EngineReply["outcome"], { ok: false }>,
  field: "leverage" | "mode",
): never {
  const code = outcome.code;
  if (code === RejectCode.UnknownMarket || code === RejectCode.NotAContract) {
    refuse(AppErrorCode.NOT_FOUND, "symbol", "There is no such perpetual contract.");
  }
  const message =
    code === RejectCode.PositionOrOrdersOpen
      ? "Close the position and cancel its orders before changing the margin mode."
      : code === RejectCode.LeverageNotAllowed
        ? `That leverage is not allowed: ${outcome.message}.`
        : `Refused: ${outcome.message}.`;
  refuse(AppErrorCode.INVALID_INPUT, field, message);
}
