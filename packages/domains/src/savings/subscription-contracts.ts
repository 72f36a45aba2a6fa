import { ZSavingsSubscription } from "@exchange/contracts/savings";
import { z } from "zod";

/** The trader's savings procedures' inputs and outputs (beside the public shapes of contracts). */

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
