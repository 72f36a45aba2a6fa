import { amountProblemMessage, formatUnits, parseAmount } from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import { clockDate } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import { assertKycLevel } from "../kyc/kyc-levels";
import { inTransaction, isUniqueViolation, type Services } from "../services";
import { findInstanceById, type InstanceRecord } from "./instance-repository";
import { isWindowOpen, scheduleTermsOf } from "./instances";
import { repaymentSchedule } from "./repayment-schedule";
import { type SavingsServices, sendSubscribe } from "./savings-engine";
import type { SubscribeInput } from "./subscription-contracts";
import {
  activateSubscription,
  dropPendingSubscription,
  findStalePendingSubscriptions,
  findSubscriptionByRequestKey,
  insertPendingSubscription,
  type SubscriptionRecord,
  takeQuota,
} from "./subscription-repository";

/**
 * Subscribing to a savings instance (seed 004 申购):
 * 1. the rules that need no lock: the instance exists and its window is open, the amount has
 *    the asset's decimals and lies within the product's minimum and maximum, the user's KYC
 *    level is the product's or higher;
 * 2. in one transaction, the share of the daily quota (`takeQuota`: one conditional update of
 *    the instance row, so two users racing for the last of the quota cannot both have it) and
 *    the PENDING subscription with its whole repayment plan;
 * 3. the engine's `savings.subscribe`, keyed by the subscription's id: the user's available
 *    balance decides. Accepted ⇒ ACTIVE. Refused ⇒ the subscription is dropped and the quota
 *    given back, so nothing moved. No answer ⇒ it stays PENDING; `resumeSubscriptions` (or the
 *    same request again, by its `requestKey`) finishes it with the same key, once.
 */
export async function subscribe(
  services: Services,
  userId: number,
  input: SubscribeInput,
): Promise<SubscriptionRecord> {
  const repeat = await findSubscriptionByRequestKey(services.db, userId, input.requestKey);
  if (repeat) return repeat.status === "PENDING" ? settle(services, repeat) : repeat;
  const now = clockDate(services.clock);
  const instance = await findInstanceById(services.db, input.instanceId);
  if (!instance) throw new AppError(AppErrorCode.NOT_FOUND, "No such savings product.");
  assertWindowOpen(instance, now);
  const amountAtoms = amountOf(input.amount, instance);
  const terms = instance.version.terms;
  await assertKycLevel(services.db, userId, terms.kycLevel, terms.name);
  const id = crypto.randomUUID();
  const plans = repaymentSchedule(scheduleTermsOf(instance), amountAtoms).map((plan) => ({
    ...plan,
    id: crypto.randomUUID(),
  }));
  const record = await inTransaction(services.db, async (tx) => {
    if (!(await takeQuota(tx, instance.id, amountAtoms, now))) return undefined;
    return insertPendingSubscription(
      tx,
      {
        id,
        userId,
        instanceId: instance.id,
        assetCode: terms.assetCode,
        amountAtoms,
        requestKey: input.requestKey,
        createdAt: now,
      },
      plans,
    );
  }).catch(async (error: unknown) => {
    // The same request sent twice at once: the other one recorded it first (its quota share
    // was rolled back with this transaction); answer as a repeat does.
    const first = isUniqueViolation(error)
      ? await findSubscriptionByRequestKey(services.db, userId, input.requestKey)
      : undefined;
    if (!first) throw error;
    return first;
  });
  if (!record) throw await quotaRefusal(services, instance, now);
  return record.status === "PENDING" ? settle(services, record) : record;
}

/** Sends the PENDING subscription's command and records the engine's verdict. */
async function settle(
  services: SavingsServices,
  record: SubscriptionRecord,
): Promise<SubscriptionRecord> {
  const outcome = await sendSubscribe(services, record);
  if (outcome.ok) {
    await activateSubscription(services.db, record.id, clockDate(services.clock));
    return { ...record, status: "ACTIVE" };
  }
  await inTransaction(services.db, (tx) => dropPendingSubscription(tx, record));
  if (outcome.code === RejectCode.InsufficientBalance) {
    const message = `Your available ${record.assetCode} does not cover this amount.`;
    throw new AppError(AppErrorCode.INSUFFICIENT_BALANCE, message, { amount: [message] });
  }
  throw new AppError(
    AppErrorCode.INVALID_INPUT,
    `The subscription was refused: ${outcome.message}.`,
  );
}

/**
 * Finishes subscriptions a crash or an engine timeout left PENDING for over a minute: the same
 * command id again, so one the engine applied is answered from its journal and applied once.
 */
export async function resumeSubscriptions(services: SavingsServices): Promise<number> {
  const before = new Date(services.clock.now() - 60_000);
  const stale = await findStalePendingSubscriptions(services.db, before);
  for (const record of stale) {
    await settle(services, record).catch((error: unknown) => {
      if (error instanceof AppError && error.code !== AppErrorCode.ENGINE_UNAVAILABLE) return;
      throw error;
    });
  }
  return stale.length;
}

function assertWindowOpen(instance: InstanceRecord, now: Date): void {
  if (isWindowOpen(instance, now)) return;
  throw new AppError(
    AppErrorCode.SAVINGS_NOT_OPEN,
    now < instance.windowStart
      ? "This savings offer is not open yet."
      : "This savings offer has closed. Choose one open today.",
  );
}

function amountOf(text: string, instance: InstanceRecord): bigint {
  const { precision } = instance;
  const { assetCode: asset, minAmountAtoms, maxAmountAtoms } = instance.version.terms;
  const parsed = parseAmount(text, precision);
  if ("problem" in parsed)
    throw invalidAmount(amountProblemMessage(parsed.problem, asset, precision));
  const show = (atoms: bigint) => `${formatUnits(atoms, precision)} ${asset}`;
  if (parsed.atoms < minAmountAtoms) {
    throw invalidAmount(`The least you can subscribe is ${show(minAmountAtoms)}.`);
  }
  if (parsed.atoms > maxAmountAtoms) {
    throw invalidAmount(`The most you can subscribe at once is ${show(maxAmountAtoms)}.`);
  }
  return parsed.atoms;
}

function invalidAmount(message: string): AppError {
  return new AppError(AppErrorCode.INVALID_INPUT, message, { amount: [message] });
}

/** Why the quota could not be taken: the window closed meanwhile, or too little is left. */
async function quotaRefusal(
  services: Services,
  instance: InstanceRecord,
  now: Date,
): Promise<AppError> {
  const fresh = await findInstanceById(services.db, instance.id);
  if (!fresh || now >= fresh.windowEnd) {
    return new AppError(AppErrorCode.SAVINGS_NOT_OPEN, "This savings offer has closed.");
  }
  const left = fresh.quotaAtoms - fresh.subscribedAtoms;
  const asset = fresh.version.terms.assetCode;
  const message =
    left > 0n
      ? `Only ${formatUnits(left, fresh.precision)} ${asset} of today's quota is left.`
      : "Today's quota of this offer is sold out. Try again tomorrow.";
  return new AppError(AppErrorCode.SAVINGS_QUOTA_EXCEEDED, message, { amount: [message] });
}
