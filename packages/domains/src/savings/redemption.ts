import type {
  SavingsRedemptionQuote,
  SavingsSubscriptionDetail,
} from "@exchange/contracts/savings";
import { clockDate, type EngineReply } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import type { Services, Tx } from "../services";
import { markSubscriptionRedeemed, withSubscriptionLock } from "./redemption-repository";
import { type RedemptionAmounts, redemptionAmounts } from "./redemption-rules";
import { type SavingsServices, sendRedeem } from "./savings-engine";
import { ownSubscription, type TraderActor } from "./subscription-queries";
import {
  findSubscriptionPlans,
  findSubscriptionSummary,
  type SubscriptionSummary,
} from "./subscription-read-repository";
import { redemptionQuoteView, subscriptionDetailView } from "./subscription-views";

/**
 * Early redemption (issue 14 §5): the owner of an ACTIVE subscription takes the principal back
 * before maturity, less what the product's rule keeps (the interest paid so far, or a penalty of
 * the principal rounded up). The engine's `savings.redeem` moves the money and closes the
 * position (`sendRedeem`); its id and business key are the subscription's, so a retry after a
 * crash is answered from the journal and returns the money once.
 */

/** Refuses what cannot be redeemed (at `now`), with the reason a user can act on. */
function assertRedeemable(record: SubscriptionSummary, now: Date): void {
  if (record.status === "REDEEMED") {
    throw new AppError(
      AppErrorCode.SAVINGS_STATE,
      "This subscription is already redeemed; its principal was returned.",
    );
  }
  if (record.status !== "ACTIVE") {
    const why =
      record.status === "MATURED" ? "it has matured and was paid in full" : "it is not active yet";
    throw new AppError(AppErrorCode.SAVINGS_STATE, `This subscription cannot be redeemed: ${why}.`);
  }
  if (now >= record.maturityDate) {
    // Not early any more: the last payment (interest and principal) is due; a deduction now
    // would charge for a term that is over.
    throw new AppError(
      AppErrorCode.SAVINGS_STATE,
      "This subscription has reached maturity: its principal comes back with the last payment.",
    );
  }
  if (record.earlyRedemption === "NOT_ALLOWED") {
    throw new AppError(
      AppErrorCode.SAVINGS_REDEMPTION_NOT_ALLOWED,
      "This product does not allow early redemption: the principal returns at maturity.",
    );
  }
}

function amountsOf(record: SubscriptionSummary): RedemptionAmounts {
  return redemptionAmounts({
    rule: record.earlyRedemption,
    penaltyRatePpm: record.penaltyRatePpm,
    principalAtoms: record.amountAtoms,
    interestPaidAtoms: record.interestPaidAtoms,
    interestPendingAtoms: record.interestPendingAtoms,
  });
}

/** What redeeming the caller's subscription now would return; nothing moves. */
export async function redemptionQuote(
  services: Services,
  actor: TraderActor,
  id: string,
): Promise<SavingsRedemptionQuote> {
  const record = await ownSubscription(services, actor, id);
  assertRedeemable(record, clockDate(services.clock));
  return redemptionQuoteView(record, amountsOf(record));
}

/** What the engine credited to the user's available balance: the principal returned. */
function creditOf(outcome: EngineReply["outcome"], record: SubscriptionSummary): bigint {
  let credit = 0n;
  for (const event of outcome.events) {
    if (event.type !== "balance.changed") continue;
    for (const posting of event.postings) {
      const mine = posting.account === "available" && posting.userId === record.userId;
      if (mine && posting.asset === record.assetCode) credit += posting.amountAtoms;
    }
  }
  return credit;
}

/**
 * Redeems the caller's subscription early. Under the subscription's row lock: a second redeem,
 * concurrent or later, finds it REDEEMED and is refused without a second command.
 */
export async function redeem(
  services: Services,
  actor: TraderActor,
  input: { id: string },
): Promise<SavingsSubscriptionDetail> {
  await ownSubscription(services, actor, input.id);
  await withSubscriptionLock(services.db, input.id, async (tx) => {
    const record = await findSubscriptionSummary(tx, input.id);
    if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such subscription.");
    assertRedeemable(record, clockDate(services.clock));
    const outcome = await sendRedemption(services, tx, record);
    if (!outcome.ok) {
      services.log.warn("savings: the engine refused an early redemption", {
        subscriptionId: record.id,
        code: outcome.code,
        message: outcome.message,
      });
      throw new AppError(
        AppErrorCode.SAVINGS_STATE,
        "This subscription can no longer be redeemed. Refresh to see its state.",
      );
    }
  });
  const record = await ownSubscription(services, actor, input.id);
  return subscriptionDetailView(record, await findSubscriptionPlans(services.db, input.id));
}

/**
 * Sends a subscription's `savings.redeem` with its rule's amounts and, if the engine accepted it
 * (now, or earlier under the same id), records it: REDEEMED, what came back, pending plans
 * cancelled. In the caller's transaction, which holds the subscription's row lock.
 */
async function sendRedemption(
  services: SavingsServices,
  tx: Tx,
  record: SubscriptionSummary,
): Promise<EngineReply["outcome"]> {
  const amounts = amountsOf(record);
  const outcome = await sendRedeem(services, {
    subscriptionId: record.id,
    forfeitInterest: amounts.forfeitInterest,
    penaltyAtoms: amounts.penaltyAtoms,
  });
  if (outcome.ok) {
    const credit = creditOf(outcome, record);
    await markSubscriptionRedeemed(tx, {
      id: record.id,
      redeemedAtoms: credit,
      deductionAtoms: record.amountAtoms - credit,
      endedAt: clockDate(services.clock),
    });
  }
  return outcome;
}

/**
 * Records a redemption the engine applied but this side never did: its reply was lost (a timeout,
 * a crash inside the row-lock transaction), so the subscription still reads ACTIVE while its
 * position is closed. The payout run calls this when the engine says such a subscription has no
 * open position (701): the redeem's id is the subscription's, so the engine answers from its
 * journal with the first result and nothing moves again. A position closed by its final payout
 * answers 701 here too, and nothing is recorded.
 */
export async function recordLostRedemption(
  services: SavingsServices,
  subscriptionId: string,
): Promise<boolean> {
  return withSubscriptionLock(services.db, subscriptionId, async (tx) => {
    const record = await findSubscriptionSummary(tx, subscriptionId);
    if (record?.status !== "ACTIVE") return false;
    return (await sendRedemption(services, tx, record)).ok;
  });
}
