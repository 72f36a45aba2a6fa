import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services } from "../services";
import { revokeAllSessions } from "./session-repository";
import { announceRevocation } from "./sessions";
import { findUserStatus, setUserStatus } from "./user-repository";

/**
 * Suspends a trader: the account may no longer log in, every session ends on the server at
 * once, and the WebSocket gateways close the trader's open sockets. Audited with the reason.
 */
export async function suspendUser(
  services: Services,
  input: { userId: number; staffId: number; reason: string; ip: string | undefined },
): Promise<{ status: "SUSPENDED" }> {
  await inTransaction(services.db, async (tx) => {
    const user = await findUserStatus(tx, input.userId);
    if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
    await setUserStatus(tx, input.userId, "SUSPENDED");
    await revokeAllSessions(tx, { type: "USER", id: input.userId }, clockDate(services.clock));
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
