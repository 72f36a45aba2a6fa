import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { announceRevocation, revokeAllSessions } from "./sessions";

/**
 * Suspends a trader: the account may no longer log in, every session ends on the server at
 * once, and the WebSocket gateways close the trader's open sockets. Audited with the reason.
 */
export async function suspendUser(
  services: Services,
  input: { userId: number; staffId: number; reason: string; ip: string | undefined },
): Promise<{ status: "SUSPENDED" }> {
  await services.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { status: true },
    });
    if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
    await tx.user.update({ where: { id: input.userId }, data: { status: "SUSPENDED" } });
    await revokeAllSessions(tx, { type: "USER", id: input.userId });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.staffId },
      action: "user.suspended",
      target: { type: "user", id: String(input.userId) },
      before: { status: user.status },
      after: { status: "SUSPENDED", reason: input.reason },
      ip: input.ip,
    });
  });
  await announceRevocation(services, { userId: input.userId, sessionId: null });
  return { status: "SUSPENDED" };
}
