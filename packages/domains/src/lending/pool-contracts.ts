import { ZLoanPool } from "@exchange/contracts/lending";
import { z } from "zod";

/**
 * Operations' moves of a loan pool: into it from the operator account (funding) or back out
 * (defunding). The request id is made once per form shown, so a double submit or a retry is the
 * same engine command and moves the money once.
 */
export const ZPoolMoveInput = z.object({
  requestId: z.uuid("A request id is a UUID."),
  asset: z
    .string("Choose the asset of the pool.")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,20}$/, "Choose the asset of the pool."),
  amount: z
    .string("Give an amount such as 100000.")
    .trim()
    .regex(/^\d{1,30}(\.\d{1,18})?$/, "Give an amount such as 100000.")
    .refine((text) => !/^[0.]+$/.test(text), "The amount must be more than 0."),
});
export type PoolMoveInput = z.output<typeof ZPoolMoveInput>;

export const ZPoolMoveOutput = z.object({
  asset: z.string(),
  amount: z.string(),
  /** The same request was already carried out: nothing moved this time. */
  repeated: z.boolean(),
});
export type PoolMoveOutput = z.output<typeof ZPoolMoveOutput>;

export const ZLoanPoolsOutput = z.object({ pools: z.array(ZLoanPool) });
