import { DEPOSIT_STATUSES, ZDeposit } from "@exchange/contracts/wallet";
import { z } from "zod";
import { ZRowId } from "../input-bounds";

/**
 * The deposits' inputs and the shapes only this domain answers (the trader's deposit address,
 * finance's view of a deposit). The public deposit itself is `ZDeposit` (contracts/wallet.ts).
 */

/** An asset code as typed by a caller; the service says whether the chain carries it. */
export const ZAssetCode = z
  .string()
  .trim()
  .min(1, "Choose an asset.")
  .max(12)
  .regex(/^[A-Za-z0-9]+$/, "An asset code is letters and digits.")
  .transform((code) => code.toUpperCase());

export const ZDepositAddressInput = z.object({ asset: ZAssetCode });

export const ZDepositAddress = z.object({
  asset: z.string(),
  /** The chain's key (`evm-local`). */
  network: z.string(),
  /** EIP-55 checksummed. */
  address: z.string(),
  /** The address as a QR code (`data:image/png;base64,…`). */
  qrCodeDataUrl: z.string(),
  /** Whole units of the asset, a decimal string: less is never credited. */
  minDeposit: z.string(),
  confirmationsRequired: z.number().int(),
  /** The token's contract; null for the chain's own coin. */
  contractAddress: z.string().nullable(),
});
export type DepositAddressView = z.infer<typeof ZDepositAddress>;

/** An asset the chain takes deposits of, for the Deposit page's picker. */
export const ZDepositAssetsOutput = z.object({
  network: z.string(),
  assets: z.array(
    z.object({
      asset: z.string(),
      minDeposit: z.string(),
      confirmationsRequired: z.number().int(),
      contractAddress: z.string().nullable(),
    }),
  ),
});

export const ZMyDepositsInput = z.object({
  asset: ZAssetCode.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZMyDepositsOutput = z.object({ deposits: z.array(ZDeposit) });

/** A deposit as finance sees it: the public shape, its owner and everything a rule said. */
export const ZFinanceDeposit = ZDeposit.extend({
  userId: z.number().int(),
  /** Why a rule held it: `large_amount`, `blocklisted_sender`, `engine_refused`. */
  flags: z.array(z.string()),
  reorgedAfterCredit: z.boolean(),
  blockNumber: z.string(),
  reviewedBy: z.number().int().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.date().nullable(),
});
export type FinanceDeposit = z.infer<typeof ZFinanceDeposit>;

export const ZFinanceDepositsInput = z.object({
  status: z.enum(DEPOSIT_STATUSES).optional(),
  asset: ZAssetCode.optional(),
  flagged: z.boolean().optional(),
  userId: ZRowId.optional(),
  beforeId: ZRowId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZFinanceDepositsOutput = z.object({
  deposits: z.array(ZFinanceDeposit),
  /** The id to pass as `beforeId` for the next page; null on the last. */
  nextBeforeId: z.number().int().nullable(),
});

const ZReason = z
  .string()
  .trim()
  .min(3, "Say why, in a few words.")
  .max(500, "Keep the reason under 500 characters.");

export const ZClearDepositInput = z.object({ id: ZRowId, note: ZReason.optional() });
export const ZRefuseDepositInput = z.object({ id: ZRowId, reason: ZReason });
export const ZAcknowledgeReorgInput = z.object({ id: ZRowId, note: ZReason });

export const ZDepositDecisionOutput = z.object({ deposit: ZFinanceDeposit });
