import type { Command } from "@exchange/core";
import { z } from "zod";
import { ZBigint, ZSafeInt, ZShortText } from "./codecs";
import {
  ZMarketStatus,
  ZSelfTradePrevention,
  ZSide,
  ZSystemAccount,
  ZTimeInForce,
} from "./vocabulary";

/**
 * Engine commands on the wire, protocol version 1: the core's commands (packages/core
 * commands.ts) with bigints as decimal strings, plus the engine's own `system.*` commands.
 *
 * Every command carries a unique `id` — its idempotency key: a retry reuses it and receives the
 * first result — and `ts`, the sender's clock in epoch milliseconds; the engine never reads a
 * clock of its own (SPEC §2, determinism). Schemas check shape and types; the core checks
 * ranges and rules and rejects with a RejectCode.
 *
 * Changes within version 1 only add optional fields (the market order's `slippageBps`,
 * `order.cancelAll` without a symbol), new order types (`stopLimit`, `takeProfitLimit`) or new
 * command types (`savings.*`, `order.placeOco`, `order.amend`, `index.set`, `loan.*`), so every
 * journal entry written
 * before a change still decodes,
 * and replays, exactly as it ran; a change that alters what an existing field means needs
 * version 2 and a decoder for both.
 */
export const PROTOCOL_VERSION = 1;

const base = {
  v: z.literal(PROTOCOL_VERSION),
  id: ZShortText,
  ts: z.number().int().nonnegative(),
};
const businessKey = { business: ZShortText, businessId: ZShortText };
const side = ZSide;
const marketStatus = ZMarketStatus;
const stp = ZSelfTradePrevention;
const systemAccount = ZSystemAccount;
const transferAccount = z.union([
  z.strictObject({ userId: ZSafeInt }),
  z.strictObject({ system: systemAccount }),
]);

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...base, ...shape });

const orderBase = {
  userId: ZSafeInt,
  symbol: ZShortText,
  side,
  clientOrderId: ZShortText.optional(),
  stp: stp.optional(),
  reduceOnly: z.boolean().optional(),
};

const marketFields = {
  symbol: ZShortText,
  base: ZShortText,
  quote: ZShortText,
  tickSizeAtoms: ZBigint,
  lotSizeAtoms: ZBigint,
  minQtyLots: ZBigint,
  maxQtyLots: ZBigint,
  minNotionalAtoms: ZBigint,
  maxPriceTicks: ZBigint.optional(),
  maxNotionalAtoms: ZBigint.optional(),
  maxOpenOrders: ZSafeInt.optional(),
  makerFeePpm: ZSafeInt,
  takerFeePpm: ZSafeInt,
  status: marketStatus.optional(),
};

const stopOrderFields = {
  priceTicks: ZBigint,
  qtyLots: ZBigint,
  stopPriceTicks: ZBigint,
  timeInForce: ZTimeInForce.optional(),
};

export const ZCoreCommand = z.discriminatedUnion("type", [
  command("asset.add", {
    code: ZShortText,
    precision: ZSafeInt,
    maxAmountAtoms: ZBigint.optional(),
  }),
  command("market.add", marketFields),
  command("market.setStatus", { symbol: ZShortText, status: marketStatus }),
  command("feeTier.set", { tier: ZSafeInt, makerScalePpm: ZSafeInt, takerScalePpm: ZSafeInt }),
  command("feeTier.assign", { userId: ZSafeInt, tier: ZSafeInt }),
  z.discriminatedUnion("orderType", [
    command("order.place", {
      ...orderBase,
      orderType: z.literal("limit"),
      priceTicks: ZBigint,
      qtyLots: ZBigint,
      timeInForce: ZTimeInForce.optional(),
      postOnly: z.boolean().optional(),
    }),
    command("order.place", {
      ...orderBase,
      orderType: z.literal("market"),
      qtyLots: ZBigint.optional(),
      quoteAtoms: ZBigint.optional(),
      // At most one protection: an explicit price limit (every journal entry written before
      // slippage has this form, and it replays as it ran) or a slippage allowance from which
      // the core sets the limit off its own best price. Both given: the core rejects.
      priceLimitTicks: ZBigint.optional(),
      slippageBps: ZSafeInt.optional(),
    }),
    // Stop-loss and take-profit limit orders (added within version 1: a new orderType).
    command("order.place", {
      ...orderBase,
      orderType: z.literal("stopLimit"),
      ...stopOrderFields,
    }),
    command("order.place", {
      ...orderBase,
      orderType: z.literal("takeProfitLimit"),
      ...stopOrderFields,
    }),
  ]),
  command("order.placeOco", {
    userId: ZSafeInt,
    symbol: ZShortText,
    side,
    qtyLots: ZBigint,
    priceTicks: ZBigint,
    stopPriceTicks: ZBigint,
    stopLimitPriceTicks: ZBigint,
    stopTimeInForce: ZTimeInForce.optional(),
    clientOrderId: ZShortText.optional(),
    stopClientOrderId: ZShortText.optional(),
    stp: stp.optional(),
  }),
  command("order.amend", {
    userId: ZSafeInt,
    symbol: ZShortText,
    orderId: ZSafeInt.optional(),
    clientOrderId: ZShortText.optional(),
    qtyLots: ZBigint.optional(),
    priceTicks: ZBigint.optional(),
  }),
  command("order.cancel", {
    userId: ZSafeInt,
    symbol: ZShortText,
    orderId: ZSafeInt.optional(),
    clientOrderId: ZShortText.optional(),
  }),
  // No symbol: every market (optional since stop orders; every earlier entry names one).
  command("order.cancelAll", { userId: ZSafeInt, symbol: ZShortText.optional() }),
  command("balance.deposit", {
    ...businessKey,
    userId: ZSafeInt,
    asset: ZShortText,
    amountAtoms: ZBigint,
  }),
  command("balance.withdrawFreeze", {
    ...businessKey,
    withdrawalId: ZShortText,
    userId: ZSafeInt,
    asset: ZShortText,
    amountAtoms: ZBigint,
  }),
  command("balance.withdrawSettle", {
    ...businessKey,
    withdrawalId: ZShortText,
    feeAtoms: ZBigint.optional(),
  }),
  command("balance.withdrawRelease", { ...businessKey, withdrawalId: ZShortText }),
  command("balance.transfer", {
    ...businessKey,
    asset: ZShortText,
    amountAtoms: ZBigint,
    from: transferAccount,
    to: transferAccount,
  }),
  command("balance.adjust", {
    ...businessKey,
    userId: ZSafeInt,
    asset: ZShortText,
    amountAtoms: ZBigint,
  }),
  command("savings.subscribe", {
    ...businessKey,
    subscriptionId: ZShortText,
    userId: ZSafeInt,
    asset: ZShortText,
    amountAtoms: ZBigint,
  }),
  command("savings.payout", {
    ...businessKey,
    subscriptionId: ZShortText,
    interestAtoms: ZBigint,
    principalAtoms: ZBigint,
  }),
  command("savings.redeem", {
    ...businessKey,
    subscriptionId: ZShortText,
    forfeitInterest: z.boolean(),
    penaltyAtoms: ZBigint,
  }),
  // Lending (packages/core modules/lending/commands.ts).
  command("index.set", {
    ...businessKey,
    asset: ZShortText,
    quote: ZShortText,
    priceAtoms: ZBigint,
    at: ZSafeInt,
  }),
  command("loan.open", {
    ...businessKey,
    loanId: ZShortText,
    userId: ZSafeInt,
    collateralAsset: ZShortText,
    collateralAtoms: ZBigint,
    loanAsset: ZShortText,
    principalAtoms: ZBigint,
    initialLtvPpm: ZSafeInt,
    warningLinePpm: ZSafeInt,
    liquidationLinePpm: ZSafeInt,
    liquidationFeePpm: ZSafeInt,
    maturesAt: ZSafeInt,
  }),
  command("loan.repay", {
    ...businessKey,
    loanId: ZShortText,
    repaymentId: ZShortText,
    amountAtoms: ZBigint,
  }),
  command("loan.addCollateral", {
    ...businessKey,
    loanId: ZShortText,
    topUpId: ZShortText,
    amountAtoms: ZBigint,
  }),
  command("loan.accrue", {
    ...businessKey,
    loanId: ZShortText,
    accrualId: ZShortText,
    interestAtoms: ZBigint,
  }),
  command("loan.liquidate", {
    ...businessKey,
    loanId: ZShortText,
    reason: z.enum(["ltv", "maturity"]),
  }),
  command("loan.liquidationSell", {
    ...businessKey,
    loanId: ZShortText,
    slice: ZSafeInt,
    qtyAtoms: ZBigint,
    limitPriceAtoms: ZBigint,
    belowBankruptcyApproved: z.boolean(),
  }),
  // Derivatives (packages/core modules/derivatives/commands.ts).
  command("futures.transfer", {
    ...businessKey,
    userId: ZSafeInt,
    asset: ZShortText,
    amountAtoms: ZBigint,
    direction: z.enum(["toFutures", "toSpot"]),
  }),
  command("contract.add", {
    ...marketFields,
    maxLeverage: ZSafeInt,
    riskTiers: z
      .array(
        z.strictObject({
          maxNotionalAtoms: ZBigint,
          maintenanceMarginPpm: ZSafeInt,
          maxLeverage: ZSafeInt,
        }),
      )
      .max(20),
    fundingIntervalMs: ZSafeInt,
    fundingCapPpm: ZSafeInt,
    interestPpm: ZSafeInt,
  }),
  command("position.setLeverage", { userId: ZSafeInt, symbol: ZShortText, leverage: ZSafeInt }),
  command("position.setMarginMode", {
    userId: ZSafeInt,
    symbol: ZShortText,
    mode: z.enum(["cross", "isolated"]),
  }),
  command("mark.set", {
    ...businessKey,
    symbol: ZShortText,
    markPriceTicks: ZBigint,
    indexPriceTicks: ZBigint,
    at: ZSafeInt,
  }),
  command("funding.settle", {
    ...businessKey,
    symbol: ZShortText,
    fundingTime: ZSafeInt,
    ratePpm: ZSafeInt,
  }),
]);

/** Liveness probe: the engine answers without touching state or the journal. */
export const ZSystemPing = command("system.ping", {});

/** Every command the engine accepts, as it crosses the wire. */
export const ZEngineCommand = z.discriminatedUnion("type", [ZSystemPing, ZCoreCommand]);

export type EngineCommand = z.output<typeof ZEngineCommand>;
export type EngineCommandType = EngineCommand["type"];

/** What a sender passes to `EngineClient.send`: a core command or a ping, without `v`. */
export type EngineCommandInput = Command | Omit<z.output<typeof ZSystemPing>, "v">;

// The wire schema must decode to the core's own command type (plus the version stamp).
type AssertAssignable<T extends U, U> = T;
export type _CoreCommandsMatch = AssertAssignable<z.output<typeof ZCoreCommand>, Command>;
