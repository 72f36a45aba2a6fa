import { listReconciliationReports } from "@exchange/domains/reconciliation/reconciliation-reports";
import { z } from "zod";
import { sectionProcedure } from "../trpc";

export const ZListReconciliationInput = z
  .object({ limit: z.number().int().min(1).max(100).default(20) })
  .default({ limit: 20 });

const ZDecimal = z.string();

const ZChainHolding = z.object({
  asset: z.string(),
  hotWallet: ZDecimal,
  depositAddresses: ZDecimal,
  onChain: ZDecimal,
  liabilities: ZDecimal,
  inFlight: ZDecimal,
  difference: ZDecimal,
  shortfall: z.boolean(),
});

export const ZListReconciliationOutput = z.array(
  z.object({
    id: z.number().int(),
    seq: z.bigint(),
    engineSeq: z.bigint().nullable(),
    ok: z.boolean(),
    failure: z.string().nullable(),
    startedAt: z.date(),
    finishedAt: z.date(),
    assetTotals: z.array(z.object({ asset: z.string(), total: ZDecimal })),
    differences: z.array(
      z.object({
        kind: z.enum(["ledger-not-zero", "balance-vs-postings", "projection-vs-engine"]),
        asset: z.string(),
        userId: z.number().int().nullable(),
        account: z.string().nullable(),
        expected: ZDecimal,
        actual: ZDecimal,
      }),
    ),
    chain: z
      .object({
        chainKey: z.string(),
        hotWalletAddress: z.string(),
        error: z.string().nullable(),
        assets: z.array(ZChainHolding),
      })
      .nullable(),
    chainShortfall: z.boolean(),
  }),
);

/** The reconciliation job's reports, newest first. */
export const listReconciliationProcedure = sectionProcedure("reconciliation")
  .input(ZListReconciliationInput)
  .output(ZListReconciliationOutput)
  .query(({ ctx, input }) => listReconciliationReports(ctx.services, input.limit));
