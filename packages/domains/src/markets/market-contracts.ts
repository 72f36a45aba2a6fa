import { ZMarket } from "@exchange/contracts/market";
import { z } from "zod";

export const ZListMarketsInput = z.void();
export const ZListMarketsOutput = z.array(ZMarket);
