import { ZSavingsInstance } from "@exchange/contracts/savings";
import { openInstances } from "@exchange/domains/savings/instances";
import { z } from "zod";
import { protectedProcedure } from "../../trpc";

/** Today's savings offers: the instances open now, sold-out ones with nothing remaining. */
export const savingsOffersProcedure = protectedProcedure
  .output(z.array(ZSavingsInstance))
  .query(({ ctx }) => openInstances(ctx.services));
