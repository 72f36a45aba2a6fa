import { formatUnits, parseDecimal, toUnits } from "@exchange/contracts/money";
import { WITHDRAWAL_STATUSES, type WithdrawalStatus } from "@exchange/contracts/wallet";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import {
  assertWithdrawalsAllowed,
  usersWithWithdrawalsFrozen,
  withdrawalsFrozen,
} from "../identity/restrictions";
import { type KycAgeFilter, submittedBefore } from "../kyc/queue-ageing";
import { inTransaction, type Services } from "../services";
import { listBalances } from "../trading/order-queries";
import {
  findDecisions,
  findOtherWithdrawals,
  findRecentPostings,
  findWithdrawalQueuePage,
  insertDecision,
  lockWithdrawal,
} from "./withdrawal-approval-repository";
import { completeWithdrawal, publishWithdrawal } from "./withdrawal-engine";
import { findWithdrawal, moveWithdrawal, type WithdrawalRecord } from "./withdrawal-repository";
import {
  findAssetPrecisions,
  findLevelLimits,
  findWithdrawalOwner,
} from "./withdrawal-rules-repository";
import { viewsOf } from "./withdrawals";

/**
 * Finance's work on withdrawals: the queue, one withdrawal's detail, approve (each staff member
 * once; reaching the required count moves it to APPROVED) and reject with a reason (released at
 * once). Decisions on one withdrawal take turns on a row lock, so two approvers at the same
 * moment count to two, and a user's cancel racing an approval ends in exactly one of them.
 * Every decision is audited in the same transaction.
 */

export interface StaffCaller {
  staffId: number;
  ip?: string | undefined;
}

export interface WithdrawalQueueQuery {
  status: WithdrawalStatus | "ALL";
  asset?: string | undefined;
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
  age: KycAgeFilter;
  page: number;
  pageSize: number;
}

function amountAtoms(text: string | undefined, precision: number): bigint | undefined {
  if (text === undefined || text === "") return undefined;
  const value = parseDecimal(text);
  if (value === null || value.units < 0n) {
    throw new AppError(AppErrorCode.INVALID_INPUT, "Give amounts as plain numbers.", {
      amount: ["Give amounts as plain numbers."],
    });
  }
  return toUnits(value, precision, "down");
}

export async function listWithdrawalQueue(services: Services, query: WithdrawalQueueQuery) {
  const now = clockDate(services.clock);
  const precisions = await findAssetPrecisions(services.db);
  const ranged = query.minAmount || query.maxAmount;
  const assets = query.asset ? [query.asset] : [...precisions.keys()];
  const amountBounds = ranged
    ? assets.map((assetCode) => {
        const precision = precisions.get(assetCode) ?? 8;
        const minAtoms = amountAtoms(query.minAmount, precision);
        const maxAtoms = amountAtoms(query.maxAmount, precision);
        return {
          assetCode,
          ...(minAtoms === undefined ? {} : { minAtoms }),
          ...(maxAtoms === undefined ? {} : { maxAtoms }),
        };
      })
    : undefined;
  const page = await findWithdrawalQueuePage(services.db, {
    // REQUESTED rows are requests still being frozen: not finance's work, never listed.
    statuses:
      query.status === "ALL"
        ? WITHDRAWAL_STATUSES.filter((s) => s !== "REQUESTED")
        : [query.status],
    assetCode: query.asset,
    amountBounds,
    createdBefore: submittedBefore(query.age, now),
    page: query.page,
    pageSize: query.pageSize,
  });
  const [views, frozen] = await Promise.all([
    viewsOf(services, page.rows),
    usersWithWithdrawalsFrozen(
      services.db,
      page.rows.map((row) => row.userId),
    ),
  ]);
  return {
    total: page.total,
    rows: page.rows.map((row, i) => ({
      withdrawal: views[i] as (typeof views)[number],
      userId: row.userId,
      email: row.email,
      riskFlags: row.riskFlags,
      requiredApprovals: row.requiredApprovals,
      approvals: row.approvals,
      ownerWithdrawalsFrozen: frozen.has(row.userId),
    })),
  };
}

async function requireWithdrawal(services: Services, id: string): Promise<WithdrawalRecord> {
  const record = await findWithdrawal(services.db, id);
  if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such withdrawal.");
  return record;
}

/** One withdrawal with what finance decides on: the user, balances, ledger, history, approvals. */
export async function withdrawalDetail(services: Services, id: string) {
  const record = await requireWithdrawal(services, id);
  const owner = await findWithdrawalOwner(services.db, record.userId);
  const level = owner ? await findLevelLimits(services.db, owner.kycLevel) : undefined;
  const precisions = await findAssetPrecisions(services.db);
  const precision = precisions.get(record.assetCode) ?? 8;
  const [[view], previous, postings, decisions, balances] = await Promise.all([
    viewsOf(services, [record]),
    findOtherWithdrawals(services.db, record.userId, record.id, 20).then((r) =>
      viewsOf(services, r),
    ),
    findRecentPostings(services.db, record.userId, record.assetCode, 20),
    findDecisions(services.db, record.id),
    listBalances(services, record.userId),
  ]);
  if (!view) throw new Error("a withdrawal without a view");
  return {
    withdrawal: view,
    riskFlags: record.riskFlags,
    requiredApprovals: record.requiredApprovals,
    /** Compliance froze the owner's withdrawals: the page says why it cannot be approved. */
    ownerWithdrawalsFrozen: await withdrawalsFrozen(services.db, record.userId),
    user: {
      id: record.userId,
      email: owner?.email ?? "",
      kycLevel: owner?.kycLevel ?? 0,
      kycLevelName: level?.name ?? "",
      twoFactorOn: owner?.totpEnabledAt != null,
      passwordChangedAt: owner?.passwordChangedAt ?? null,
    },
    balances: balances.filter((b) => b.total !== "0" || b.asset === record.assetCode),
    postings: postings.map((p) => ({
      ...p,
      amount: formatUnits(p.amountAtoms, precision),
      balance: formatUnits(p.balanceAtoms, precision),
      amountAtoms: undefined,
      balanceAtoms: undefined,
    })),
    previous,
    decisions,
  };
}

/**
 * Approves a withdrawal waiting for finance. The same person approving twice is refused (a
 * second approval must be someone else); the approval that reaches `requiredApprovals` moves
 * it to APPROVED, where the signer picks it up.
 */
export async function approveWithdrawal(services: Services, caller: StaffCaller, id: string) {
  const at = clockDate(services.clock);
  const result = await inTransaction(services.db, async (tx) => {
    await lockWithdrawal(tx, id);
    const record = await findWithdrawal(tx, id);
    if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such withdrawal.");
    requirePending(record);
    await assertWithdrawalsAllowed(tx, record.userId, "approveWithdrawal");
    const earlier = await findDecisions(tx, id);
    if (earlier.some((d) => d.staffId === caller.staffId)) {
      throw new AppError(
        AppErrorCode.ALREADY_APPROVED,
        "You have already approved this withdrawal. The second approval must come from another finance member.",
      );
    }
    await insertDecision(tx, { withdrawalId: id, staffId: caller.staffId, decision: "APPROVE" });
    const approvals = (await findDecisions(tx, id)).filter((d) => d.decision === "APPROVE");
    const reached = approvals.length >= record.requiredApprovals;
    const moved = reached
      ? await moveWithdrawal(
          tx,
          { id, from: "PENDING_APPROVAL", to: "APPROVED", at },
          { approvedAt: at },
        )
      : record;
    if (!moved) throw stateError(record);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "withdrawal.approve",
      target: { type: "withdrawal", id },
      before: { status: record.status, approvals: approvals.length - 1 },
      after: {
        status: moved.status,
        approvals: approvals.length,
        requiredApprovals: record.requiredApprovals,
      },
      ip: caller.ip,
    });
    return moved;
  });
  if (result.status === "APPROVED") await publishWithdrawal(services, result);
  const [view] = await viewsOf(services, [result]);
  return { withdrawal: view as NonNullable<typeof view>, approved: result.status === "APPROVED" };
}

/** Rejects a withdrawal waiting for finance, with a reason the user sees; the funds are released. */
export async function rejectWithdrawal(
  services: Services,
  caller: StaffCaller,
  input: { id: string; reason: string },
) {
  const at = clockDate(services.clock);
  const reason = input.reason.trim();
  const rejected = await inTransaction(services.db, async (tx) => {
    await lockWithdrawal(tx, input.id);
    const record = await findWithdrawal(tx, input.id);
    if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such withdrawal.");
    requirePending(record);
    const moved = await moveWithdrawal(
      tx,
      { id: input.id, from: "PENDING_APPROVAL", to: "REJECTED", at },
      { rejectReason: reason },
    );
    if (!moved) throw stateError(record);
    // One decision row per person: someone who approved and now rejects keeps the approval row;
    // the audit log holds both.
    const earlier = await findDecisions(tx, input.id);
    if (!earlier.some((d) => d.staffId === caller.staffId)) {
      await insertDecision(tx, {
        withdrawalId: input.id,
        staffId: caller.staffId,
        decision: "REJECT",
        reason,
      });
    }
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "withdrawal.reject",
      target: { type: "withdrawal", id: input.id },
      before: { status: record.status },
      after: { status: "REJECTED", reason },
      ip: caller.ip,
    });
    return moved;
  });
  const done = await completeWithdrawal(services, rejected);
  const [view] = await viewsOf(services, [done]);
  return { withdrawal: view as NonNullable<typeof view> };
}

function requirePending(record: WithdrawalRecord): void {
  if (record.status !== "PENDING_APPROVAL") throw stateError(record);
}

function stateError(record: WithdrawalRecord): AppError {
  return new AppError(
    AppErrorCode.WITHDRAWAL_STATE,
    `This withdrawal is no longer waiting for approval: it is ${record.status.toLowerCase().replaceAll("_", " ")}.`,
  );
}
