import { listBalances } from "@exchange/domains/trading/order-queries";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { binanceErrors } from "../binance-errors";
import { textParam } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { ZBinanceDecimal } from "../binance-wire";
import { callerOf } from "./new-order";

const ZCommissionRates = z.object({
  maker: ZBinanceDecimal,
  taker: ZBinanceDecimal,
  buyer: ZBinanceDecimal,
  seller: ZBinanceDecimal,
});

export const ZBinanceAccount = z.object({
  makerCommission: z.number().int(),
  takerCommission: z.number().int(),
  buyerCommission: z.number().int(),
  sellerCommission: z.number().int(),
  commissionRates: ZCommissionRates,
  canTrade: z.boolean(),
  canWithdraw: z.boolean(),
  canDeposit: z.boolean(),
  brokered: z.boolean(),
  requireSelfTradePrevention: z.boolean(),
  preventSor: z.boolean(),
  updateTime: z.number().int(),
  accountType: z.literal("SPOT"),
  balances: z.array(
    z.object({ asset: z.string(), free: ZBinanceDecimal, locked: ZBinanceDecimal }),
  ),
  permissions: z.array(z.literal("SPOT")),
  uid: z.number().int(),
});
export type BinanceAccount = z.infer<typeof ZBinanceAccount>;

/**
 * `GET /api/v3/account`: the caller's balances (free = available, locked = held by open orders
 * and pending withdrawals) in every asset, or only the non-zero ones with
 * `omitZeroBalances=true`. `canTrade` / `canWithdraw` are the key's permissions. Our fees are
 * per market (exchangeInfo has none, myTrades each fill's), so the account-wide commission
 * fields are 0. Weight 20; READ permission.
 */
export const accountRoute: BinanceRoute<BinanceAccount> = {
  method: "GET",
  path: "/api/v3/account",
  security: { kind: "signed", permission: "read" },
  weight: () => 20,
  answer: ZBinanceAccount,
  handle: async (context, query) => {
    const caller = callerOf(context);
    const omitZero = omitZeroParam(query);
    const balances = (await listBalances(context.services, caller.userId))
      .map((b) => ({
        asset: b.asset,
        free: binanceDecimal(b.available),
        locked: binanceDecimal(b.frozen),
      }))
      .filter((b) => !omitZero || !isZero(b.free) || !isZero(b.locked));
    const zero = binanceDecimal("0");
    return {
      makerCommission: 0,
      takerCommission: 0,
      buyerCommission: 0,
      sellerCommission: 0,
      commissionRates: { maker: zero, taker: zero, buyer: zero, seller: zero },
      canTrade: caller.permissions.includes("TRADE"),
      canWithdraw: caller.permissions.includes("WITHDRAW"),
      canDeposit: true,
      brokered: false,
      requireSelfTradePrevention: false,
      preventSor: false,
      updateTime: context.nowMs,
      accountType: "SPOT",
      balances,
      permissions: ["SPOT"],
      uid: caller.userId,
    };
  },
};

function omitZeroParam(query: Record<string, unknown>): boolean {
  const value = textParam(query, "omitZeroBalances");
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  throw binanceErrors.invalidParameter("omitZeroBalances");
}

const isZero = (text: string) => /^0\.0+$/.test(text);
