import { findUser } from "@exchange/domains/identity/users";
import { z } from "zod";
import { protectedProcedure } from "../trpc";

export const ZMeOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  emailVerified: z.boolean(),
  kycLevel: z.number().int(),
  createdAt: z.date(),
});

/** The logged-in trader's own account. */
export const meProcedure = protectedProcedure
  .output(ZMeOutput)
  .query(({ ctx }) => findUser(ctx.services, ctx.actor.userId));
