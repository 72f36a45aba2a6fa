/**
 * The footer's words for the health report's worker consumers: the report itself is read by the
 * health domain (`healthProblems`), the words come from the `nav` catalog.
 */

/** The catalog key (under `nav.status.consumers`) of each worker consumer the footer names. */
export const CONSUMER_KEYS = {
  projector: "projector",
  "market-data": "marketData",
  reconciliation: "reconciliation",
  "market-maker": "marketMaker",
  "reference-data": "referenceData",
  "chain-watcher": "chainWatcher",
  "hot-wallet": "hotWallet",
  "savings-subscriptions": "savingsSubscriptions",
  "savings-instances": "savingsInstances",
  "savings-payouts": "savingsPayouts",
  "alert-center": "alertCenter",
  notifier: "notifier",
  "index-publisher": "indexPublisher",
  worker: "worker",
} as const;

export type ConsumerKey = (typeof CONSUMER_KEYS)[keyof typeof CONSUMER_KEYS];

/** The catalog key of a consumer, or null for one added after this list (shown by its name). */
export function consumerKey(name: string): ConsumerKey | null {
  return Object.hasOwn(CONSUMER_KEYS, name)
    ? CONSUMER_KEYS[name as keyof typeof CONSUMER_KEYS]
    : null;
}
