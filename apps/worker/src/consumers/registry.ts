import type { ConsumerDefinition } from "./consumer-definition";
import { loanMonitorConsumer } from "./loan-monitor/definition";
import { marketDataConsumer } from "./market-data/definition";
import { projectorConsumer } from "./projector/definition";

/**
 * Every consumer of `engine.events` the worker runs, each on the consumer board in a loop of
 * its own. Adding one: a folder under consumers/ exporting a `ConsumerDefinition` (with an
 * offset of its own), and one line here.
 */
export const CONSUMERS: readonly ConsumerDefinition[] = [
  projectorConsumer,
  marketDataConsumer,
  loanMonitorConsumer,
];
