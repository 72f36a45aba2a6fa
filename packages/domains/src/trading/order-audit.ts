import { type RequestClient, recordAudit } from "../audit/audit-repository";
import type { Services } from "../services";

/**
 * Order actions in the audit log, written once the engine has answered: one INSERT per accepted
 * placement or cancellation, outside any transaction. The engine's journal is the order's
 * record; this entry adds who asked from where. A failed INSERT is logged and never turns an
 * order the engine accepted into an error the trader would retry.
 */
export interface OrderAuditEntry {
  action: "order.placed" | "order.cancelled";
  userId: number;
  orderId: number;
  symbol: string;
  side?: "buy" | "sell" | undefined;
  type?: "limit" | "market" | undefined;
  client: RequestClient;
}

export async function auditOrderAction(services: Services, entry: OrderAuditEntry) {
  try {
    await recordAudit(services.db, {
      actor: { kind: "user", userId: entry.userId },
      action: entry.action,
      target: { type: "order", id: String(entry.orderId) },
      after: {
        symbol: entry.symbol,
        ...(entry.side ? { side: entry.side } : {}),
        ...(entry.type ? { type: entry.type } : {}),
      },
      ip: entry.client.ip,
      userAgent: entry.client.userAgent,
    });
  } catch (error) {
    services.log.error("order audit failed", { error, orderId: entry.orderId });
  }
}

/** "Cancel all" in one entry: the market and how many orders it ended. */
export async function auditCancelAll(
  services: Services,
  entry: { userId: number; symbol: string; cancelled: number; client: RequestClient },
) {
  try {
    await recordAudit(services.db, {
      actor: { kind: "user", userId: entry.userId },
      action: "order.cancelled_all",
      target: { type: "market", id: entry.symbol },
      after: { symbol: entry.symbol, cancelled: entry.cancelled },
      ip: entry.client.ip,
      userAgent: entry.client.userAgent,
    });
  } catch (error) {
    services.log.error("order audit failed", { error, symbol: entry.symbol });
  }
}
