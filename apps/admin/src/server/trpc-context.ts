import type { Actor, Context } from "@exchange/api";
import { requestLocale } from "@exchange/ui/i18n/server";
import { clientIp } from "@exchange/ui/server";
import { currentStaff } from "@/auth";
import { consoleOrigin } from "./console-origin";
import { getServices } from "./services";

/**
 * The API context for one request: the staff member the session names, with their roles, and
 * the console's address and language (staff mails link back to it and speak its language).
 */
export async function createAdminContext(headers: Headers): Promise<Context> {
  const [staff, services, locale] = await Promise.all([
    currentStaff(),
    getServices(),
    requestLocale(),
  ]);
  const actor: Actor = staff
    ? { kind: "staff", staffId: staff.id, roles: staff.roles, sessionId: staff.sessionId }
    : { kind: "anonymous" };
  return { actor, services, ip: clientIp(headers), locale, consoleUrl: consoleOrigin(headers) };
}
