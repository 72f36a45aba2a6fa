import { ZWithdrawal } from "@exchange/contracts/wallet";
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../input-bounds";

/**
 * The withdrawal procedures' inputs and outputs. Amounts are decimal strings of the asset
 * (whole units); the service converts them exactly and refuses what it cannot.
 */

// Each may reach a query as text: what no query can carry is refused here, clearly.
const ZAssetCode = z.string().min(1).max(20).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
const ZNetwork = z.string().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
/** As typed: the service says what is wrong with it (shape, checksum, another network). */
const ZAddressText = z
  .string()
  .trim()
  .min(1, "Enter the address to send to.")
  .max(120)
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
const ZAmountText = z
  .string()
  .trim()
  .min(1, "Enter an amount.")
  .max(80)
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ZWithdrawalQuoteInput = z.object({ asset: ZAssetCode, network: ZNetwork });
export const ZWithdrawalQuoteOutput = z.object({
  asset: z.string(),
  network: z.string(),
  /** The network fee charged on top of the amount, now. */
  fee: z.string(),
  minWithdrawal: z.string(),
  /** Decimals the amount may have. */
  precision: z.number().int(),
  /** What the user can withdraw now: available less the fee (never below zero). */
  maxAmount: z.string(),
  available: z.string(),
  confirmations: z.number().int(),
});
export type WithdrawalQuote = z.input<typeof ZWithdrawalQuoteOutput>;

export const ZWithdrawalLimitsOutput = z.object({
  canWithdraw: z.boolean(),
  levelName: z.string(),
  /** USDT per rolling 24 hours. */
  dailyLimit: z.string(),
  usedToday: z.string(),
  remainingToday: z.string(),
  limitAsset: z.string(),
  twoFactorOn: z.boolean(),
  /** What can be withdrawn on which network (empty when this server has no chain). */
  options: z.array(z.object({ asset: z.string(), network: z.string() })),
});
export type WithdrawalLimits = z.input<typeof ZWithdrawalLimitsOutput>;

export const ZWithdrawalRequestInput = z.object({
  asset: ZAssetCode,
  network: ZNetwork,
  address: ZAddressText,
  amount: ZAmountText,
  /** The client's UUID of this submission: a double-clicked submit is one withdrawal. */
  requestKey: z.uuid("requestKey must be a UUID."),
  /** A TOTP or recovery code, where two-factor is on. */
  code: z.string().trim().max(20).optional(),
  /** The account password, where two-factor is off. */
  password: z.string().max(200).optional(),
});
export type WithdrawalRequestInput = z.infer<typeof ZWithdrawalRequestInput>;

export const ZWithdrawalOutput = ZWithdrawal;

export const ZWithdrawalIdInput = z.object({ id: z.uuid("No such withdrawal.") });

export const ZWithdrawalListInput = z
  .object({
    asset: ZAssetCode.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });
export const ZWithdrawalListOutput = z.array(ZWithdrawal);

export const ZWithdrawalAddressEntry = z.object({
  id: z.number().int(),
  network: z.string(),
  address: z.string(),
  label: z.string(),
  createdAt: z.union([z.number(), z.date()]).transform((t) => new Date(t)),
});
export const ZWithdrawalAddressListInput = z.object({ network: ZNetwork.optional() }).default({});
export const ZWithdrawalAddressListOutput = z.array(ZWithdrawalAddressEntry);
export const ZWithdrawalAddressAddInput = z.object({
  network: ZNetwork,
  address: ZAddressText,
  label: z
    .string()
    .trim()
    .min(1, "Give the address a label.")
    .max(40, "Keep the label under 40 characters."),
});
export const ZWithdrawalAddressRemoveInput = z.object({
  id: z.number().int().positive().max(2_147_483_647),
});
