import { SYSTEM_ACCOUNTS, type SystemAccount } from "@exchange/core";
import { z } from "zod";

/** Wire schemas of the core's vocabulary (packages/core types.ts), shared by commands and events. */
export const ZSide = z.enum(["buy", "sell"]);
export const ZMarketStatus = z.enum(["preOpen", "trading", "cancelOnly", "halted", "closed"]);
export const ZTimeInForce = z.enum(["GTC", "IOC", "FOK"]);
export const ZSelfTradePrevention = z.enum(["none", "cancelTaker", "cancelMaker", "cancelBoth"]);
export const ZSystemAccount = z.enum(SYSTEM_ACCOUNTS as [SystemAccount, ...SystemAccount[]]);
export const ZAccountName = z.enum(["available", "frozen", ...ZSystemAccount.options]);
