import {
  add,
  amountProblemMessage,
  compare,
  type Decimal,
  formatDecimal,
  formatUnits,
  parseAmount,
  parseDecimal,
  trimZeros,
} from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import { clockDate } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import { assertWithdrawalsAllowed } from "../identity/restrictions";
import type { Services } from "../services";
import { listBalances } from "../trading/order-queries";
import { lastPrice } from "./asset-prices";
import { checkDestination, walletFor } from "./withdrawal-address";
import type {
  WithdrawalLimits,
  WithdrawalQuote,
  WithdrawalRequestInput,
} from "./withdrawal-contracts";
import {
  completeWithdrawal,
  freezeWithdrawal,
  routeFrozenWithdrawal,
  withdrawalScaleOf,
} from "./withdrawal-engine";
import { verifyWithdrawalFactor } from "./withdrawal-factor";
import { findWithdrawal, moveWithdrawal, type WithdrawalRecord } from "./withdrawal-repository";
import {
  deleteRequestedWithdrawal,
  findCountedWithdrawalsSince,
  findUserWithdrawals,
  findWithdrawalByRequestKey,
  hasWithdrawnTo,
  insertRequestedWithdrawal,
  withWithdrawalRequestLock,
} from "./withdrawal-request-repository";
import {
  DAY_MS,
  HOUR_MS,
  LIMIT_ASSET,
  remainingLimit,
  requiredApprovalsOf,
  riskFlagsOf,
  thresholdAtoms,
  usdtValueOf,
  withdrawalFeeAtoms,
} from "./withdrawal-rules";
import {
  findAssetPrecisions,
  findChainConfirmations,
  findChainWithdrawalAssets,
  findLevelLimits,
  findWithdrawalAssetRules,
  findWithdrawalOwner,
  type WithdrawalAssetRules,
} from "./withdrawal-rules-repository";
import { type WithdrawalDto, withdrawalView } from "./withdrawal-views";

/**
 * A trader's withdrawals: the fee quote, the limits, the request (validate, freeze amount + fee
 * in the engine, route to automatic approval or finance), the cancel while waiting, the list.
 * See withdrawal-states.ts for the one state machine and withdrawal-engine.ts for the money.
 */

function invalid(field: string, message: string): AppError {
  return new AppError(AppErrorCode.INVALID_INPUT, message, { [field]: [message] });
}

/** The asset's withdrawal rules on the chain; unsupported or disabled ⇒ a typed error. */
async function assetRulesFor(
  services: Services,
  chainKey: string,
  assetCode: string,
): Promise<WithdrawalAssetRules> {
  const rules = await findWithdrawalAssetRules(services.db, chainKey, assetCode);
  if (!rules) throw invalid("asset", `${assetCode} cannot be withdrawn on ${chainKey}.`);
  if (!rules.enabled || !rules.assetActive) {
    throw invalid("asset", `${assetCode} withdrawals are suspended for now.`);
  }
  return rules;
}

/** The fee for a withdrawal of the asset now, in its atoms (withdrawal-rules.ts explains). */
async function feeAtomsFor(services: Services, rules: WithdrawalAssetRules): Promise<bigint> {
  const wallet = walletFor(services, rules.chainKey);
  const fees = await wallet.adapter.estimateFees();
  const floor = parseDecimal(rules.withdrawalFeeFloor) ?? { units: 0n, scale: 0 };
  const nativePrice =
    rules.kind === "ERC20" ? await lastPrice(services, "ETH", rules.assetCode) : undefined;
  return withdrawalFeeAtoms({
    kind: rules.kind,
    feePerGasWei: fees.maxFeePerGas,
    precision: rules.precision,
    floor,
    nativePrice,
  });
}

async function availableAtoms(services: Services, userId: number, rules: WithdrawalAssetRules) {
  const balance = (await listBalances(services, userId)).find((b) => b.asset === rules.assetCode);
  const value = balance ? parseDecimal(balance.available) : null;
  return value ? value.units * 10n ** BigInt(rules.precision - value.scale) : 0n;
}

export async function quoteWithdrawal(
  services: Services,
  userId: number,
  input: { asset: string; network: string },
): Promise<WithdrawalQuote> {
  const wallet = walletFor(services, input.network);
  const rules = await assetRulesFor(services, wallet.key, input.asset);
  const fee = await feeAtomsFor(services, rules);
  const available = await availableAtoms(services, userId, rules);
  const max = available > fee ? available - fee : 0n;
  const format = (atoms: bigint) => formatUnits(atoms, rules.precision);
  return {
    asset: rules.assetCode,
    network: wallet.key,
    fee: format(fee),
    minWithdrawal: rules.minWithdrawal,
    precision: rules.precision,
    maxAmount: format(max),
    available: format(available),
    confirmations: rules.confirmations,
  };
}

/** What the user withdrew in the last 24 hours, valued in USDT; undefined if a price is missing. */
async function usedToday(
  services: Services,
  userId: number,
  now: Date,
): Promise<Decimal | undefined> {
  const rows = await findCountedWithdrawalsSince(
    services.db,
    userId,
    new Date(now.getTime() - DAY_MS),
  );
  const precisions = await findAssetPrecisions(services.db);
  let total: Decimal = { units: 0n, scale: 8 };
  for (const row of rows) {
    const value = await valueInUsdt(services, row.assetCode, row.amountAtoms, precisions);
    if (value === undefined) return undefined;
    total = add(total, value);
  }
  return total;
}

async function valueInUsdt(
  services: Services,
  assetCode: string,
  atoms: bigint,
  precisions: Map<string, number>,
): Promise<Decimal | undefined> {
  const precision = precisions.get(assetCode) ?? 8;
  const price =
    assetCode === LIMIT_ASSET ? undefined : await lastPrice(services, assetCode, LIMIT_ASSET);
  return usdtValueOf(atoms, precision, assetCode, price);
}

const text = (d: Decimal) => trimZeros(formatDecimal(d));

export async function withdrawalLimits(
  services: Services,
  userId: number,
): Promise<WithdrawalLimits> {
  const owner = await findWithdrawalOwner(services.db, userId);
  if (!owner) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  const level = await findLevelLimits(services.db, owner.kycLevel);
  const limit = parseDecimal(level?.dailyWithdrawalLimit ?? "0") ?? { units: 0n, scale: 0 };
  const used = (await usedToday(services, userId, clockDate(services.clock))) ?? limit;
  return {
    canWithdraw: level?.canWithdraw ?? false,
    levelName: level?.name ?? `Level ${owner.kycLevel}`,
    dailyLimit: text(limit),
    usedToday: text(used),
    remainingToday: text(remainingLimit(limit, used)),
    limitAsset: LIMIT_ASSET,
    twoFactorOn: owner.totpEnabledAt !== null,
    options: services.wallet
      ? (await findChainWithdrawalAssets(services.db, services.wallet.key))
          .filter((a) => a.assetActive)
          .map((a) => ({ asset: a.assetCode, network: a.chainKey }))
      : [],
  };
}

/** Refuses a withdrawal the user's KYC level does not allow, or one over the 24-hour limit. */
async function checkLimits(
  services: Services,
  userId: number,
  rules: WithdrawalAssetRules,
  amountAtoms: bigint,
  now: Date,
) {
  const owner = await findWithdrawalOwner(services.db, userId);
  if (!owner?.active) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  const level = await findLevelLimits(services.db, owner.kycLevel);
  if (!level?.canWithdraw) {
    throw new AppError(
      AppErrorCode.KYC_REQUIRED,
      "Verify your identity to withdraw. It takes a few minutes.",
    );
  }
  const precisions = new Map([[rules.assetCode, rules.precision]]);
  const value = await valueInUsdt(services, rules.assetCode, amountAtoms, precisions);
  const used = await usedToday(services, userId, now);
  if (value === undefined || used === undefined) {
    throw new AppError(
      AppErrorCode.WITHDRAWAL_LIMIT,
      `We cannot value ${rules.assetCode} in ${LIMIT_ASSET} right now to check your daily limit. Please try again later.`,
    );
  }
  const limit = parseDecimal(level.dailyWithdrawalLimit) ?? { units: 0n, scale: 0 };
  const left = remainingLimit(limit, used);
  if (compare(add(used, value), limit) > 0) {
    const message = `This is over your 24-hour withdrawal limit: ${text(left)} ${LIMIT_ASSET} left of ${text(limit)} ${LIMIT_ASSET}.`;
    throw new AppError(AppErrorCode.WITHDRAWAL_LIMIT, message, { amount: [message] });
  }
  return owner;
}

async function viewOf(services: Services, record: WithdrawalRecord): Promise<WithdrawalDto> {
  return withdrawalView(record, await withdrawalScaleOf(services, record));
}

/**
 * Requests a withdrawal. Checks, in order: network and asset, address, amount (decimals,
 * minimum), KYC level and the 24-hour limit, then the second factor; then inserts the REQUESTED
 * row, asks the engine to freeze amount + fee (the engine's available balance decides: two
 * racing requests cannot both freeze the same funds), and moves it on to APPROVED or to finance.
 * A repeated `requestKey` answers the first request's withdrawal and does nothing else.
 */
export async function requestWithdrawal(
  services: Services,
  userId: number,
  input: WithdrawalRequestInput,
  ip?: string,
): Promise<WithdrawalDto> {
  // A frozen account hears that first, whatever else is wrong with the request.
  await assertWithdrawalsAllowed(services.db, userId, "requestWithdrawal");
  const wallet = walletFor(services, input.network);
  const rules = await assetRulesFor(services, wallet.key, input.asset);
  const address = await checkDestination(services, wallet, input.address);
  const amountAtoms = amountOf(input.amount, rules);
  const now = clockDate(services.clock);
  const owner = await checkLimits(services, userId, rules, amountAtoms, now);

  const repeat = await findWithdrawalByRequestKey(services.db, userId, input.requestKey);
  if (repeat) return viewOf(services, repeat);
  try {
    await verifyWithdrawalFactor(services, userId, input, ip);
  } catch (error) {
    // The same submission sent twice at once: the first used the code; answer its withdrawal.
    const first = await findWithdrawalByRequestKey(services.db, userId, input.requestKey);
    if (first) return viewOf(services, first);
    throw error;
  }

  const feeAtoms = await feeAtomsFor(services, rules);
  const recent = await findCountedWithdrawalsSince(
    services.db,
    userId,
    new Date(now.getTime() - HOUR_MS),
  );
  const riskFlags = riskFlagsOf({
    withdrawalsLastHour: recent.length,
    addressUsedBefore: await hasWithdrawnTo(services.db, userId, wallet.key, address),
    passwordChangedAt: owner.passwordChangedAt,
    totpEnabledAt: owner.totpEnabledAt,
    now,
  });
  const requiredApprovals = requiredApprovalsOf(amountAtoms, riskFlags, {
    autoApproveMaxAtoms: thresholdAtoms(rules.autoApproveMax, rules.precision),
    dualApprovalMinAtoms: thresholdAtoms(rules.dualApprovalMin, rules.precision),
  });
  // Checked again under the user's lock, with every earlier request recorded: two requests
  // racing past the first check cannot both fit the 24-hour limit.
  const { created, record } = await withWithdrawalRequestLock(services.db, userId, async () => {
    await checkLimits(services, userId, rules, amountAtoms, now);
    return insertRequestedWithdrawal(services.db, {
      id: crypto.randomUUID(),
      userId,
      chainKey: wallet.key,
      assetCode: rules.assetCode,
      toAddress: address,
      amountAtoms,
      feeAtoms,
      requestKey: input.requestKey,
      requiredApprovals,
      riskFlags,
      createdAt: now,
    });
  });
  if (!created) return viewOf(services, record);
  return viewOf(services, await freezeAndRoute(services, record));
}

function amountOf(textAmount: string, rules: WithdrawalAssetRules): bigint {
  const parsed = parseAmount(textAmount, rules.precision);
  if ("problem" in parsed) {
    throw invalid("amount", amountProblemMessage(parsed.problem, rules.assetCode, rules.precision));
  }
  if (parsed.atoms < thresholdAtoms(rules.minWithdrawal, rules.precision)) {
    throw invalid(
      "amount",
      `The least you can withdraw is ${rules.minWithdrawal} ${rules.assetCode}.`,
    );
  }
  return parsed.atoms;
}

async function freezeAndRoute(
  services: Services,
  record: WithdrawalRecord,
): Promise<WithdrawalRecord> {
  const outcome = await freezeWithdrawal(services, record);
  if (!outcome.ok) {
    await deleteRequestedWithdrawal(services.db, record.id);
    if (outcome.code === RejectCode.InsufficientBalance) {
      const message = `Your available ${record.assetCode} does not cover the amount plus the fee.`;
      throw new AppError(AppErrorCode.INSUFFICIENT_BALANCE, message, { amount: [message] });
    }
    throw new AppError(
      AppErrorCode.INVALID_INPUT,
      `The withdrawal was refused: ${outcome.message}.`,
    );
  }
  return routeFrozenWithdrawal(services, record);
}

/** Cancels the user's withdrawal while it waits for approval; the funds are released. */
export async function cancelWithdrawal(
  services: Services,
  userId: number,
  id: string,
): Promise<WithdrawalDto> {
  const record = await findWithdrawal(services.db, id);
  if (!record || record.userId !== userId) {
    throw new AppError(AppErrorCode.NOT_FOUND, "No such withdrawal.");
  }
  const moved = await moveWithdrawal(services.db, {
    id,
    from: "PENDING_APPROVAL",
    to: "CANCELLED",
    at: clockDate(services.clock),
  });
  if (!moved) {
    const now = (await findWithdrawal(services.db, id)) ?? record;
    throw new AppError(
      AppErrorCode.WITHDRAWAL_STATE,
      `This withdrawal can no longer be cancelled: it is ${now.status.toLowerCase().replace("_", " ")}.`,
    );
  }
  return viewOf(services, await completeWithdrawal(services, moved));
}

/** The user's withdrawals, newest first (requests still being frozen are left out). */
export async function listWithdrawals(
  services: Services,
  userId: number,
  options: { asset?: string | undefined; limit: number },
): Promise<WithdrawalDto[]> {
  const records = await findUserWithdrawals(services.db, userId, {
    limit: options.limit,
    assetCode: options.asset,
  });
  return viewsOf(services, records);
}

/** Views of many withdrawals with two reads of reference data. */
export async function viewsOf(
  services: Services,
  records: WithdrawalRecord[],
): Promise<WithdrawalDto[]> {
  const precisions = await findAssetPrecisions(services.db);
  const confirmations = await findChainConfirmations(services.db);
  return records.map((r) =>
    withdrawalView(r, {
      precision: precisions.get(r.assetCode) ?? 8,
      confirmationsRequired: confirmations.get(`${r.chainKey}/${r.assetCode}`) ?? 0,
    }),
  );
}
