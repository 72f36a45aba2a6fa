import type { StaffAdminRequest } from "@exchange/domains/identity/staff-invites";
import type { Context } from "../../context";

/** The acting administrator, their address, and the console's address and language for mails. */
export function adminRequestOf(ctx: Context & { actor: { staffId: number } }): StaffAdminRequest {
  return {
    adminId: ctx.actor.staffId,
    ip: ctx.ip,
    consoleUrl: ctx.consoleUrl,
    locale: ctx.locale ?? "en",
  };
}
