import type { SavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { AppError, AppErrorCode } from "../errors";
import type { Actor, Services } from "../services";
import type {
  SubscribeInput,
  SubscriptionPage,
  SubscriptionPageInput,
} from "./subscription-contracts";
import {
  findSubscriptionPlans,
  findSubscriptionSummary,
  findUserSubscriptions,
  isUserSubscription,
  type SubscriptionSummary,
} from "./subscription-read-repository";
import { subscriptionDetailView, subscriptionView } from "./subscription-views";
import { subscribe } from "./subscriptions";

/** A logged-in trader, as the procedures pass them. */
export type TraderActor = Extract<Actor, { kind: "user" }>;

/** The caller's subscriptions, newest first. */
export async function mySubscriptions(
  services: Services,
  actor: TraderActor,
  page: SubscriptionPageInput,
): Promise<SubscriptionPage> {
  // Another user's id as a cursor would page through nothing of theirs, but start afresh.
  const cursor =
    page.cursor && (await isUserSubscription(services.db, actor.userId, page.cursor))
      ? page.cursor
      : undefined;
  const records = await findUserSubscriptions(services.db, actor.userId, {
    limit: page.limit,
    ...(cursor ? { cursor } : {}),
  });
  const last = records.at(-1);
  return {
    items: records.map(subscriptionView),
    ...(records.length === page.limit && last ? { nextCursor: last.id } : {}),
  };
}

/** The caller's own subscription, or NOT_FOUND (another user's is not found either). */
export async function ownSubscription(
  services: Services,
  actor: TraderActor,
  id: string,
): Promise<SubscriptionSummary> {
  const record = await findSubscriptionSummary(services.db, id);
  if (!record || record.userId !== actor.userId) {
    throw new AppError(AppErrorCode.NOT_FOUND, "No such subscription.");
  }
  return record;
}

/** One of the caller's subscriptions with its whole schedule. */
export async function mySubscription(
  services: Services,
  actor: TraderActor,
  id: string,
): Promise<SavingsSubscriptionDetail> {
  const record = await ownSubscription(services, actor, id);
  const plans = await findSubscriptionPlans(services.db, id);
  return subscriptionDetailView(record, plans);
}

/** Subscribes the caller (`subscribe`) and answers the subscription as they will see it. */
export async function subscribeAsTrader(
  services: Services,
  actor: TraderActor,
  input: SubscribeInput,
): Promise<SavingsSubscriptionDetail> {
  const record = await subscribe(services, actor.userId, input);
  return mySubscription(services, actor, record.id);
}
