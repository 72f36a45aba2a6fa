import { beginTwoFactorEnrolment } from "@exchange/domains/identity/two-factor";
import { protectedProcedure } from "../../trpc";
import { ZTwoFactorEnrolment } from "./two-factor.types";

/** A fresh secret to scan (QR) or type; two-factor is not on until confirmed. */
export const beginTwoFactorProcedure = protectedProcedure
  .output(ZTwoFactorEnrolment)
  .mutation(({ ctx }) =>
    beginTwoFactorEnrolment(ctx.services, { type: "USER", id: ctx.actor.userId }),
  );
