import { acknowledgeAlert } from "@exchange/domains/alerts/alerts-admin";
import { ZAlertIdInput, ZAlertView } from "@exchange/domains/alerts/alerts-contracts";
import { sectionProcedure } from "../../trpc";

/** A staff member takes an alert: no more reminders while it stays unresolved. Audited. */
export const acknowledgeAlertProcedure = sectionProcedure("system")
  .input(ZAlertIdInput)
  .output(ZAlertView)
  .mutation(({ ctx, input }) =>
    acknowledgeAlert(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip, userAgent: ctx.userAgent },
      input,
    ),
  );
