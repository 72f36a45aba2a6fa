import { HOT_WALLET_STATES } from "@exchange/domains/wallet/hot-wallet-lines";
import { WALLET_ALERT_KINDS } from "@exchange/domains/wallet/wallet-alert-repository";
import { z } from "zod";

/** How many sweeps and alerts the hot-wallet page lists. */
export const ZTreasuryOverviewInput = z
  .object({
    sweeps: z.number().int().min(1).max(100).default(20),
    alerts: z.number().int().min(1).max(100).default(20),
  })
  .default({ sweeps: 20, alerts: 20 });

/** Whole units of an asset, decimal text. */
const ZDecimal = z.string();

export const ZWalletAlert = z.object({
  id: z.number().int(),
  chainKey: z.string(),
  assetCode: z.string(),
  kind: z.enum(WALLET_ALERT_KINDS),
  message: z.string(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});

export const ZTreasuryOverviewOutput = z.object({
  chain: z
    .object({
      key: z.string(),
      hotWalletAddress: z.string(),
      assets: z
        .array(
          z.object({
            assetCode: z.string(),
            balance: ZDecimal,
            warningLine: ZDecimal,
            lowLine: ZDecimal,
            state: z.enum(HOT_WALLET_STATES),
          }),
        )
        .nullable(),
    })
    .nullable(),
  sweeps: z.array(
    z.object({
      id: z.number().int(),
      assetCode: z.string(),
      userId: z.number().int(),
      fromAddress: z.string(),
      amount: ZDecimal,
      status: z.enum(["FUNDING", "BROADCAST", "CONFIRMED", "FAILED"]),
      txHash: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  openAlerts: z.array(ZWalletAlert),
  recentAlerts: z.array(ZWalletAlert),
});

export const ZOpenWalletAlertsOutput = z.array(ZWalletAlert);
