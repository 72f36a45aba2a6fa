import type { Deposit } from "@exchange/contracts/wallet";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { countDepositDecision } from "../business-metrics";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Store } from "../services";
import { type DepositAsset, findDepositAssets } from "./chain-asset-repository";
import { requireWallet } from "./deposit-addresses";
import type { FinanceDeposit } from "./deposit-contracts";
import { creditDeposit, pushDeposit } from "./deposit-crediting";
import {
  acknowledgeDepositReorg,
  type DepositListFilter,
  type DepositRecord,
  findDeposit,
  findDepositsPage,
  findUserDeposits,
  moveDeposit,
} from "./deposit-repository";
import { type DepositAssetScale, depositView, financeDepositView } from "./deposit-views";
import { resolveDepositAlert } from "./wallet-alert-repository";

/**
 * Deposits as their owner and finance see them, and finance's decisions: clear a held deposit
 * (credited at once if it has its confirmations, else when it reaches them), refuse it
 * (REJECTED, never credited), acknowledge a credited one whose block was reorganised away.
 * Every decision is audited.
 */

/** What a staff member decides with, as the transport knows them. */
export interface Reviewer {
  staffId: number;
  ip?: string | undefined;
}

/** The user's deposits on the wallet's chain, newest first (of one asset when given). */
export async function listMyDeposits(
  services: Services,
  userId: number,
  input: { asset?: string | undefined; limit: number },
): Promise<Deposit[]> {
  const chain = requireWallet(services);
  const scales = await scalesOf(services, [chain.key]);
  const records = await findUserDeposits(services.db, {
    userId,
    chainKey: chain.key,
    assetCode: input.asset,
    limit: input.limit,
  });
  return records.map((r) => depositView(r, scaleOf(scales, r)));
}

/** Finance's list, newest first, with the filters of the page. */
export async function listDepositsForFinance(
  services: Services,
  filter: DepositListFilter,
): Promise<{ deposits: FinanceDeposit[]; nextBeforeId: number | null }> {
  const records = await findDepositsPage(services.db, { ...filter, limit: filter.limit + 1 });
  const page = records.slice(0, filter.limit);
  const scales = await scalesOf(
    services,
    page.map((r) => r.chainKey),
  );
  return {
    deposits: page.map((r) => financeDepositView(r, scaleOf(scales, r))),
    nextBeforeId: records.length > filter.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/**
 * Clears a held deposit. With its confirmations it is credited now (the engine's command id is
 * the deposit's key, so a watcher crediting it too credits once); without, it waits as
 * CONFIRMING and the watcher credits it when they arrive.
 */
export async function clearDeposit(
  services: Services,
  reviewer: Reviewer,
  input: { id: number; note?: string | undefined },
): Promise<FinanceDeposit> {
  const before = await heldDeposit(services, input.id);
  const asset = await assetOf(services, before);
  const review = {
    reviewedBy: reviewer.staffId,
    reviewedAt: clockDate(services.clock),
    ...(input.note ? { reviewNote: input.note } : {}),
  };
  let after: DepositRecord | undefined;
  if (before.confirmations >= asset.confirmations) {
    after = await creditDeposit(services, before, asset, review);
    if (after.status !== "CREDITED") {
      throw new AppError(
        after.status === "HELD"
          ? AppErrorCode.ENGINE_UNAVAILABLE
          : AppErrorCode.DEPOSIT_ALREADY_DECIDED,
        after.status === "HELD"
          ? "The engine refused this credit; the deposit stays held. See the logs for its reason."
          : "Someone else decided on this deposit first.",
      );
    }
  } else {
    after = await moveDeposit(
      services.db,
      { id: before.id, from: "HELD", to: "CONFIRMING" },
      review,
    );
    if (!after) throw alreadyDecided();
    await pushDeposit(services, after, asset);
  }
  await audit(services.db, reviewer, "deposit.clear", before, after, input.note);
  return financeDepositView(after, asset);
}

/** Refuses a held deposit with a reason: REJECTED, never credited (the funds are handled off-line). */
export async function refuseDeposit(
  services: Services,
  reviewer: Reviewer,
  input: { id: number; reason: string },
): Promise<FinanceDeposit> {
  const before = await heldDeposit(services, input.id);
  const asset = await assetOf(services, before);
  const after = await inTransaction(services.db, async (tx) => {
    const moved = await moveDeposit(
      tx,
      { id: before.id, from: "HELD", to: "REJECTED" },
      {
        reviewedBy: reviewer.staffId,
        reviewedAt: clockDate(services.clock),
        reviewNote: input.reason,
      },
    );
    if (!moved) throw alreadyDecided();
    await audit(tx, reviewer, "deposit.refuse", before, moved, input.reason);
    return moved;
  });
  countDepositDecision(after);
  await pushDeposit(services, after, asset);
  return financeDepositView(after, asset);
}

/**
 * Acknowledges a credited deposit whose block was reorganised away: finance records what it did
 * (recovered the funds, adjusted the balance by another route); the credit itself stands.
 */
export async function acknowledgeReorgedDeposit(
  services: Services,
  reviewer: Reviewer,
  input: { id: number; note: string },
): Promise<FinanceDeposit> {
  const before = await findDeposit(services.db, input.id);
  if (!before) throw new AppError(AppErrorCode.NOT_FOUND, "No such deposit.");
  if (!before.reorgedAfterCredit || before.reviewedAt !== null) {
    throw new AppError(
      AppErrorCode.DEPOSIT_ALREADY_DECIDED,
      before.reorgedAfterCredit
        ? "This reorganised deposit was already acknowledged."
        : "Only a credited deposit whose block was reorganised away needs acknowledging.",
    );
  }
  const asset = await assetOf(services, before);
  const after = await inTransaction(services.db, async (tx) => {
    const acknowledged = await acknowledgeDepositReorg(tx, before.id, {
      reviewedBy: reviewer.staffId,
      reviewNote: input.note,
      reviewedAt: clockDate(services.clock),
    });
    if (!acknowledged) throw alreadyDecided();
    await resolveDepositAlert(tx, before.id, clockDate(services.clock));
    await audit(tx, reviewer, "deposit.acknowledgeReorg", before, acknowledged, input.note);
    return acknowledged;
  });
  return financeDepositView(after, asset);
}

async function heldDeposit(services: Services, id: number): Promise<DepositRecord> {
  const deposit = await findDeposit(services.db, id);
  if (!deposit) throw new AppError(AppErrorCode.NOT_FOUND, "No such deposit.");
  if (deposit.status !== "HELD") {
    throw new AppError(
      AppErrorCode.DEPOSIT_ALREADY_DECIDED,
      `This deposit is ${deposit.status.toLowerCase().replace("_", " ")}, not held: nothing to decide.`,
    );
  }
  return deposit;
}

const alreadyDecided = () =>
  new AppError(AppErrorCode.DEPOSIT_ALREADY_DECIDED, "Someone else decided on this deposit first.");

async function audit(
  db: Store,
  reviewer: Reviewer,
  action: string,
  before: DepositRecord,
  after: DepositRecord,
  note: string | undefined,
): Promise<void> {
  await recordAudit(db, {
    actor: { kind: "staff", staffId: reviewer.staffId },
    action,
    target: { type: "deposit", id: String(before.id) },
    before: { status: before.status, flags: before.flags, userId: before.userId },
    after: {
      status: after.status,
      amountAtoms: after.amountAtoms.toString(),
      asset: after.assetCode,
      ...(note ? { note } : {}),
    },
    ip: reviewer.ip,
  });
}

/** Each asset's scale, keyed `chain/asset`. */
type Scales = Map<string, DepositAssetScale>;

async function scalesOf(services: Services, chainKeys: Iterable<string>): Promise<Scales> {
  const scales: Scales = new Map();
  for (const chainKey of new Set(chainKeys)) {
    for (const asset of await findDepositAssets(services.db, chainKey)) {
      scales.set(`${chainKey}/${asset.assetCode}`, asset);
    }
  }
  return scales;
}

function scaleOf(scales: Scales, record: DepositRecord): DepositAssetScale {
  // An asset disabled since is still shown, at 8 places (every asset's engine precision here).
  return scales.get(`${record.chainKey}/${record.assetCode}`) ?? { precision: 8, confirmations: 0 };
}

async function assetOf(services: Services, record: DepositRecord): Promise<DepositAsset> {
  const asset = (await findDepositAssets(services.db, record.chainKey)).find(
    (a) => a.assetCode === record.assetCode,
  );
  if (!asset) {
    throw new AppError(
      AppErrorCode.UNSUPPORTED_ASSET,
      `${record.assetCode} is no longer enabled on ${record.chainKey}: enable it before deciding.`,
    );
  }
  return asset;
}
