import { ZSavingsInstance } from "@exchange/contracts/savings";
import { openInstances } from "@exchange/domains/savings/instances";
import { z } from "zod";
import { publicProcedure } from "../../trpc";

/**
 * Today's savings offers: the instances open now, sold-out ones with nothing remaining. Public,
 * as the markets are: a visitor sees what they could save in before logging in (the Earn page).
 */
export const savingsOffersProcedure = publicProcedure
  .output(z.array(ZSavingsInstance))
  .query(({ ctx }) => openInstances(ctx.services));
