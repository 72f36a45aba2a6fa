import { z } from "zod";
import { ZDecimal, ZTime } from "./wire";

/**
 * The wallet's public shapes: a deposit and a withdrawal as the trader's Wallet page, the
 * finance console and the `@wallet` push show them. Amounts are decimal strings of the asset
 * (engine precision); times epoch ms on the wire, Dates once parsed.
 */

/** A deposit's life (the `deposits` table says what each means). */
export const DEPOSIT_STATUSES = [
  "CONFIRMING",
  "BELOW_MINIMUM",
  "HELD",
  "CREDITED",
  "DROPPED",
  "REJECTED",
] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/** A withdrawal's life (wallet/withdrawal-states.ts is its one state machine). */
export const WITHDRAWAL_STATUSES = [
  "REQUESTED",
  "PENDING_APPROVAL",
  "APPROVED",
  "BROADCAST",
  "CONFIRMED",
  "REJECTED",
  "CANCELLED",
  "FAILED",
] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

/** The end states of a withdrawal: the user is mailed at each, and nothing moves after. */
export const WITHDRAWAL_END_STATUSES: readonly WithdrawalStatus[] = [
  "CONFIRMED",
  "REJECTED",
  "CANCELLED",
  "FAILED",
];

export const ZDeposit = z.object({
  id: z.number().int(),
  asset: z.string(),
  /** The chain's key (`evm-local`). */
  network: z.string(),
  amount: ZDecimal,
  status: z.enum(DEPOSIT_STATUSES),
  confirmations: z.number().int(),
  confirmationsRequired: z.number().int(),
  txHash: z.string(),
  fromAddress: z.string(),
  toAddress: z.string(),
  createdAt: ZTime,
  creditedAt: ZTime.nullable(),
});
export type Deposit = z.output<typeof ZDeposit>;

export const ZWithdrawal = z.object({
  /** The withdrawal's id (a UUID), also the engine's. */
  id: z.string(),
  asset: z.string(),
  network: z.string(),
  address: z.string(),
  /** What arrives at the address. */
  amount: ZDecimal,
  /** The network fee charged on top of the amount. */
  fee: ZDecimal,
  status: z.enum(WITHDRAWAL_STATUSES),
  confirmations: z.number().int(),
  confirmationsRequired: z.number().int(),
  txHash: z.string().nullable(),
  rejectReason: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: ZTime,
  approvedAt: ZTime.nullable(),
  broadcastAt: ZTime.nullable(),
  endedAt: ZTime.nullable(),
});
export type Withdrawal = z.output<typeof ZWithdrawal>;

/** `@wallet` (bus `<uid>@wallet`): a deposit or withdrawal of the user, in its latest state. */
export const ZWalletUpdate = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("deposit"), deposit: ZDeposit }),
  z.object({ kind: z.literal("withdrawal"), withdrawal: ZWithdrawal }),
]);
export type WalletUpdate = z.output<typeof ZWalletUpdate>;
/** The same on its way out: times may still be Dates, which JSON writes as ISO text. */
export type WalletUpdateInput = z.input<typeof ZWalletUpdate>;
