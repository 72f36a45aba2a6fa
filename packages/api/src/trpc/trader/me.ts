import { findUser } from "@exchange/domains/identity/users";
import { USER_LOCALES } from "@exchange/domains/mail/mail-locale";
import { z } from "zod";
import { protectedProcedure } from "../trpc";

export const ZMeOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  emailVerified: z.boolean(),
  kycLevel: z.number().int(),
  /** The language the trader reads, and their mails are written in. */
  locale: z.enum(USER_LOCALES),
  createdAt: z.date(),
});

/** The logged-in trader's own account. */
export const meProcedure = protectedProcedure
  .output(ZMeOutput)
  .query(({ ctx }) => findUser(ctx.services, ctx.actor.userId));
