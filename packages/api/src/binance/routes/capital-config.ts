import { listBalances } from "@exchange/domains/trading/order-queries";
import { listAssetNetworks } from "@exchange/domains/wallet/asset-networks";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import type { BinanceRoute } from "../binance-route";
import { ZBinanceDecimal } from "../binance-wire";
import { callerOf } from "./new-order";

const ZNetwork = z.object({
  network: z.string(),
  coin: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  depositEnable: z.boolean(),
  withdrawEnable: z.boolean(),
  depositDesc: z.string(),
  withdrawDesc: z.string(),
  withdrawFee: ZBinanceDecimal,
  withdrawMin: ZBinanceDecimal,
  withdrawMax: ZBinanceDecimal,
  withdrawIntegerMultiple: ZBinanceDecimal,
  depositDust: ZBinanceDecimal,
  minConfirm: z.number().int(),
  unLockConfirm: z.number().int(),
  sameAddress: z.boolean(),
  contractAddress: z.string(),
  busy: z.boolean(),
});

export const ZBinanceCoinConfig = z.object({
  coin: z.string(),
  name: z.string(),
  depositAllEnable: z.boolean(),
  withdrawAllEnable: z.boolean(),
  free: ZBinanceDecimal,
  locked: ZBinanceDecimal,
  freeze: ZBinanceDecimal,
  withdrawing: ZBinanceDecimal,
  ipoing: ZBinanceDecimal,
  ipoable: ZBinanceDecimal,
  storage: ZBinanceDecimal,
  isLegalMoney: z.boolean(),
  trading: z.boolean(),
  networkList: z.array(ZNetwork),
});
export type BinanceCoinConfig = z.infer<typeof ZBinanceCoinConfig>;

/** Binance's "no upper bound" for a withdrawal is a large number; ours is the KYC level's limit. */
const NO_WITHDRAW_MAX = "9999999999.99999999";

/**
 * `GET /sapi/v1/capital/config/getall`: every asset with the caller's balance and the chains it
 * moves on (our chain keys are the network names), deposits and withdrawals open or not, the
 * least withdrawal fee and the minimum withdrawal. ccxt's binance class reads it while loading
 * currencies. `locked` includes what pending withdrawals hold; `withdrawing` is 0. Weight 10.
 */
export const capitalConfigRoute: BinanceRoute<BinanceCoinConfig[]> = {
  method: "GET",
  path: "/sapi/v1/capital/config/getall",
  security: { kind: "signed", permission: "read" },
  weight: () => 10,
  answer: z.array(ZBinanceCoinConfig),
  handle: async (context) => {
    const { userId } = callerOf(context);
    const [assets, balances] = await Promise.all([
      listAssetNetworks(context.services),
      listBalances(context.services, userId),
    ]);
    const zero = binanceDecimal(null);
    return assets.map((asset) => {
      const balance = balances.find((b) => b.asset === asset.asset);
      const networkList = asset.networks.map((n, index) => ({
        network: n.chainKey,
        coin: asset.asset,
        name: n.chainKey,
        isDefault: index === 0,
        depositEnable: n.enabled,
        withdrawEnable: n.enabled,
        depositDesc: "",
        withdrawDesc: "",
        withdrawFee: binanceDecimal(n.withdrawalFee),
        withdrawMin: binanceDecimal(n.minWithdrawal),
        withdrawMax: NO_WITHDRAW_MAX,
        withdrawIntegerMultiple: zero,
        depositDust: binanceDecimal(n.minDeposit),
        minConfirm: n.confirmations,
        unLockConfirm: n.confirmations,
        sameAddress: false,
        contractAddress: n.contractAddress ?? "",
        busy: false,
      }));
      return {
        coin: asset.asset,
        name: asset.name,
        depositAllEnable: networkList.some((n) => n.depositEnable),
        withdrawAllEnable: networkList.some((n) => n.withdrawEnable),
        free: binanceDecimal(balance?.available ?? null),
        locked: binanceDecimal(balance?.frozen ?? null),
        freeze: zero,
        withdrawing: zero,
        ipoing: zero,
        ipoable: zero,
        storage: zero,
        isLegalMoney: false,
        trading: asset.active,
        networkList,
      };
    });
  },
};
