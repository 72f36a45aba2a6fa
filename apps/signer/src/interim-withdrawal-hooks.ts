/**
 * INTERIM: the end of a withdrawal (settle or release, engine_done_at, the `@wallet` push) until
 * the withdrawals domain's `completeWithdrawal` (wallet/withdrawal-engine.ts, which also mails
 * the user) and its view (withdrawal-views.ts) are merged; then main.ts takes those and this
 * file goes.
 */
import { formatDecimal } from "@exchange/contracts/money";
import type { Services } from "@exchange/domains/services";
import { findSendingFacts } from "@exchange/domains/wallet/chain-transaction-repository";
import { pushWalletUpdate } from "@exchange/domains/wallet/wallet-pushes";
import {
  markWithdrawalEngineDone,
  type WithdrawalRecord,
} from "@exchange/domains/wallet/withdrawal-repository";
import { engineActionOf } from "@exchange/domains/wallet/withdrawal-states";
import type { WithdrawalHooks } from "@exchange/domains/wallet/withdrawal-tracking";
import { commandIds } from "@exchange/protocol";

export const interimWithdrawalHooks: WithdrawalHooks = {
  async completeWithdrawal(services, record) {
    const action = engineActionOf(record.status);
    if (!action) return;
    // The business key names the step: the freeze holds `withdraw.freeze` for this id already.
    const business = action === "settle" ? "withdraw.settle" : "withdraw.release";
    const base = { ts: services.clock.now(), business, businessId: record.id };
    const reply = await services.engine.send(
      action === "settle"
        ? {
            ...base,
            type: "balance.withdrawSettle",
            id: commandIds.withdrawSettle(record.id),
            withdrawalId: record.id,
            feeAtoms: record.feeAtoms,
          }
        : {
            ...base,
            type: "balance.withdrawRelease",
            id: commandIds.withdrawRelease(record.id),
            withdrawalId: record.id,
          },
      { timeoutMs: 10_000 },
    );
    if (!reply.outcome.ok) {
      services.log.error("engine refused a withdrawal's end", {
        withdrawalId: record.id,
        action,
        code: reply.outcome.code,
      });
      return;
    }
    await markWithdrawalEngineDone(services.db, record.id, new Date(services.clock.now()));
    await pushWithdrawal(services, record);
  },
  pushWithdrawal,
};

async function pushWithdrawal(services: Services, record: WithdrawalRecord): Promise<void> {
  const asset = (await findSendingFacts(services.db, record.chainKey)).get(record.assetCode);
  const precision = asset?.precision ?? 8;
  await pushWalletUpdate(services.redis, services.redisPrefix, record.userId, {
    kind: "withdrawal",
    withdrawal: {
      id: record.id,
      asset: record.assetCode,
      network: record.chainKey,
      address: record.toAddress,
      amount: formatDecimal({ units: record.amountAtoms, scale: precision }),
      fee: formatDecimal({ units: record.feeAtoms, scale: precision }),
      status: record.status,
      confirmations: record.confirmations,
      confirmationsRequired: asset?.confirmations ?? 0,
      txHash: record.txHash,
      rejectReason: record.rejectReason,
      failureReason: record.failureReason,
      createdAt: record.createdAt,
      approvedAt: record.approvedAt,
      broadcastAt: record.broadcastAt,
      endedAt: record.endedAt,
    },
  });
}
