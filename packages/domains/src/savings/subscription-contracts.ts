import { z } from "zod";
import { ZRowId } from "../input-bounds";

/**
 * The subscription procedures' inputs. The amount is a decimal string of the asset as typed;
 * the service converts it exactly and says what is wrong with it.
 */

const ZAmountText = z.string().trim().min(1, "Enter an amount.").max(80);

export const ZSubscribeInput = z.object({
  instanceId: ZRowId,
  amount: ZAmountText,
  /** The client's UUID of this submission: a double-clicked subscribe is one subscription. */
  requestKey: z.uuid("requestKey must be a UUID."),
});
export type SubscribeInput = z.infer<typeof ZSubscribeInput>;
