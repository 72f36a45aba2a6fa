import type { Market } from "@exchange/contracts/market";
import type { Services } from "../services";
import { findMarkets } from "./market-repository";

/** Markets a trader may see, in display order. Halted markets are listed, with their status. */
export function listMarkets(services: Services): Promise<Market[]> {
  return findMarkets(services.db);
}
