import type { Command } from "@exchange/core";
import { commandIds, type EngineReply } from "@exchange/protocol";
import { sendKeptCommand } from "../engine-commands";
import type { Services } from "../services";

/**
 * The savings domain's three engine commands, and nothing else sends them. Each id and business
 * key derives from the record it moves money for — the subscription (subscribe, redeem) or the
 * plan (payout) — so a retried request, a rerun job or a restart is answered from the journal
 * and moves the money once. The business names differ per command: the core keys idempotency on
 * business + id, and a subscription's subscribe and redeem share its id.
 */

export const SAVINGS_BUSINESS = {
  subscribe: "savings.subscribe",
  payout: "savings.payout",
  redeem: "savings.redeem",
} as const;

/** What the savings domain's money moves need: the worker's jobs have these, not all of `Services`. */
export type SavingsServices = Pick<Services, "db" | "engine" | "clock">;

function send(services: SavingsServices, command: Command): Promise<EngineReply["outcome"]> {
  return sendKeptCommand(services, command);
}

/** Moves a subscription's principal from the user's available balance into the savings pool. */
export function sendSubscribe(
  services: SavingsServices,
  subscription: { id: string; userId: number; assetCode: string; amountAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "savings.subscribe",
    id: commandIds.savingsSubscribe(subscription.id),
    ts: services.clock.now(),
    business: SAVINGS_BUSINESS.subscribe,
    businessId: subscription.id,
    subscriptionId: subscription.id,
    userId: subscription.userId,
    asset: subscription.assetCode,
    amountAtoms: subscription.amountAtoms,
  });
}

/** Pays one plan: its interest, and with the last plan the principal (which closes the position). */
export function sendPayout(
  services: SavingsServices,
  plan: { id: string; subscriptionId: string; interestAtoms: bigint; principalAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "savings.payout",
    id: commandIds.savingsPayout(plan.id),
    ts: services.clock.now(),
    business: SAVINGS_BUSINESS.payout,
    businessId: plan.id,
    subscriptionId: plan.subscriptionId,
    interestAtoms: plan.interestAtoms,
    principalAtoms: plan.principalAtoms,
  });
}

/**
 * Redeems a position early: the principal back less the deduction (the interest paid so far
 * with `forfeitInterest`, plus `penaltyAtoms`), which the engine computes and caps.
 */
export function sendRedeem(
  services: SavingsServices,
  redemption: { subscriptionId: string; forfeitInterest: boolean; penaltyAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "savings.redeem",
    id: commandIds.savingsRedeem(redemption.subscriptionId),
    ts: services.clock.now(),
    business: SAVINGS_BUSINESS.redeem,
    businessId: redemption.subscriptionId,
    subscriptionId: redemption.subscriptionId,
    forfeitInterest: redemption.forfeitInterest,
    penaltyAtoms: redemption.penaltyAtoms,
  });
}
