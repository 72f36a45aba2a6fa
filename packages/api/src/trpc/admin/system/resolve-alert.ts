import { resolveAlert } from "@exchange/domains/alerts/alerts-admin";
import { ZAlertIdInput, ZAlertView } from "@exchange/domains/alerts/alerts-contracts";
import { sectionProcedure } from "../../trpc";

/** A staff member closes an alert by hand (a log line's alert has no check to close it). Audited. */
export const resolveAlertProcedure = sectionProcedure("system")
  .input(ZAlertIdInput)
  .output(ZAlertView)
  .mutation(({ ctx, input }) =>
    resolveAlert(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip, userAgent: ctx.userAgent },
      input,
    ),
  );
