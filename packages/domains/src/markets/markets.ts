import type { Services } from "../services";
import type { MarketDto } from "./market-contracts";
import { findMarkets } from "./market-repository";

/** Markets a trader may see, in display order. Halted markets are listed, with their status. */
export function listMarkets(services: Services): Promise<MarketDto[]> {
  return findMarkets(services.db);
}
