import { ZDay, ZSavingsSubscription } from "@exchange/contracts/savings";
import { ZDecimal } from "@exchange/contracts/wire";
import { z } from "zod";
import { ZRowId } from "../input-bounds";

/**
 * The subscription procedures' inputs and outputs (beside the public shapes of contracts). The
 * amount is a decimal string of the asset as typed; the service converts it exactly and says
 * what is wrong with it.
 */

const ZAmountText = z.string().trim().min(1, "Enter an amount.").max(80);

export const ZSubscribeInput = z.object({
  instanceId: ZRowId,
  amount: ZAmountText,
  /** The client's UUID of this submission: a double-clicked subscribe is one subscription. */
  requestKey: z.uuid("requestKey must be a UUID."),
});
export type SubscribeInput = z.infer<typeof ZSubscribeInput>;

export const ZSubscriptionId = z.uuid("No such subscription.");

export const ZSubscriptionIdInput = z.object({ id: ZSubscriptionId });

/** Keyset pagination: pass the previous page's `nextCursor` to get the next (older) page. */
export const ZSubscriptionPageInput = z
  .object({
    cursor: ZSubscriptionId.optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });
export type SubscriptionPageInput = z.output<typeof ZSubscriptionPageInput>;

export const ZSubscriptionPage = z.object({
  items: z.array(ZSavingsSubscription),
  nextCursor: z.string().optional(),
});
export type SubscriptionPage = z.output<typeof ZSubscriptionPage>;

export const ZSubscriptionPreviewInput = z.object({ instanceId: ZRowId, amount: ZAmountText });
export type SubscriptionPreviewInput = z.output<typeof ZSubscriptionPreviewInput>;

/** The schedule a subscription of `amount` would get; nothing is reserved by asking. */
export const ZSubscriptionPreview = z.object({
  instanceId: z.number().int(),
  asset: z.string(),
  amount: ZDecimal,
  valueDate: ZDay,
  maturityDate: ZDay,
  /** The sum of the payments' interest. */
  interestTotal: ZDecimal,
  plans: z.array(
    z.object({
      seq: z.number().int(),
      periodStart: ZDay,
      dueDate: ZDay,
      interest: ZDecimal,
      principal: ZDecimal,
    }),
  ),
});
export type SubscriptionPreview = z.output<typeof ZSubscriptionPreview>;
