import { clockDate } from "@exchange/protocol";
import { findUserApiKeys } from "../api-keys/api-key-repository";
import { announceApiKeyRevoked } from "../api-keys/api-key-revocation";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services } from "../services";
import { revokeAllSessions } from "./session-repository";
import { announceRevocation } from "./sessions";
import { announceStandingChange } from "./standing-changes";
import { findUserStatus, setUserStatus } from "./user-repository";

/** Who changed a user's standing, and from where (kept in the audit entry). */
export interface StaffChange {
  userId: number;
  staffId: number;
  reason: string;
  ip: string | undefined;
  userAgent?: string | undefined;
}

/**
 * Suspends a trader: the account may no longer log in, every session ends on the server at
 * once, the WebSocket gateways close the trader's open sockets, and the trading gateways forget
 * the trader's API keys (a suspended user's key is refused from its next request). Audited with
 * the reason; suspending a suspended account changes nothing.
 */
export async function suspendUser(
  services: Services,
  input: StaffChange,
): Promise<{ status: "SUSPENDED" }> {
  await inTransaction(services.db, async (tx) => {
    const user = await findUserStatus(tx, input.userId);
    if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
    if (user.status === "SUSPENDED") return;
    await setUserStatus(tx, input.userId, "SUSPENDED");
    await revokeAllSessions(tx, { type: "USER", id: input.userId }, clockDate(services.clock));
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.staffId },
      action: "user.suspended",
      target: { type: "user", id: String(input.userId) },
      before: { status: user.status },
      after: { status: "SUSPENDED", reason: input.reason },
      ip: input.ip,
      userAgent: input.userAgent,
    });
  });
  // Announced even when nothing changed: a retry after a lost announcement repeats it.
  await announceRevocation(services, { userId: input.userId, sessionId: null });
  await announceStandingChanged(services, input.userId);
  return { status: "SUSPENDED" };
}

/**
 * Lifts a suspension: the trader may log in again (earlier sessions stay ended). Audited with
 * the reason; reinstating an active account changes nothing.
 */
export async function reinstateUser(
  services: Services,
  input: StaffChange,
): Promise<{ status: "ACTIVE" }> {
  await inTransaction(services.db, async (tx) => {
    const user = await findUserStatus(tx, input.userId);
    if (!user) throw new AppError(AppErrorCode.NOT_FOUND, "No such user.");
    if (user.status === "ACTIVE") return;
    await setUserStatus(tx, input.userId, "ACTIVE");
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.staffId },
      action: "user.reinstated",
      target: { type: "user", id: String(input.userId) },
      before: { status: user.status },
      after: { status: "ACTIVE", reason: input.reason },
      ip: input.ip,
      userAgent: input.userAgent,
    });
  });
  await announceStandingChanged(services, input.userId);
  return { status: "ACTIVE" };
}

/** Tells every process to read the user again: remembered trading permission and API keys. */
export async function announceStandingChanged(services: Services, userId: number): Promise<void> {
  await announceStandingChange(services, userId);
  const keys = await findUserApiKeys(services.db, userId);
  for (const key of keys) {
    if (key.revokedAt === null) await announceApiKeyRevoked(services, key.apiKey);
  }
}
