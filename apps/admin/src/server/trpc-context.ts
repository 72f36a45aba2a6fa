import type { Actor, Context } from "@exchange/api";
import { clientIp } from "@exchange/ui/server";
import { currentStaff } from "@/auth";
import { getServices } from "./services";

/** The API context for one request: the staff member the session names, with their roles. */
export async function createAdminContext(headers: Headers): Promise<Context> {
  const [staff, services] = await Promise.all([currentStaff(), getServices()]);
  const actor: Actor = staff
    ? { kind: "staff", staffId: staff.id, roles: staff.roles, sessionId: staff.sessionId }
    : { kind: "anonymous" };
  return { actor, services, ip: clientIp(headers) };
}
