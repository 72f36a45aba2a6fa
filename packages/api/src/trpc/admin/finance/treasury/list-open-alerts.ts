import { listOpenWalletAlerts } from "@exchange/domains/wallet/treasury";
import { sectionProcedure } from "../../../trpc";
import { ZOpenWalletAlertsOutput } from "./treasury.types";

/** The open wallet alerts, oldest first: the console's banner for finance while any is open. */
export const listOpenWalletAlertsProcedure = sectionProcedure("treasury")
  .output(ZOpenWalletAlertsOutput)
  .query(({ ctx }) => listOpenWalletAlerts(ctx.services));
