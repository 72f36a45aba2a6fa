import { ZBalance } from "@exchange/contracts/balance";
import { ZDepthPush } from "@exchange/contracts/depth";
import { ZKlinePush } from "@exchange/contracts/kline";
import { ZOrder } from "@exchange/contracts/order";
import { ZTicker } from "@exchange/contracts/ticker";
import { ZFill, ZPublicTrade } from "@exchange/contracts/trade";
import type { z } from "zod";

/**
 * The contract each channel's pushes follow (packages/contracts, the same schemas the API's
 * answers follow): `<SYMBOL>@depth`, `@trades`, `@ticker`, `@kline_<interval>`, and the
 * trader's own `@order`, `@balance` and `@account` (fills).
 */
const PUSHES = {
  depth: ZDepthPush,
  trades: ZPublicTrade,
  ticker: ZTicker,
  kline: ZKlinePush,
  order: ZOrder,
  balance: ZBalance,
  account: ZFill,
} as const;

export type PushKind = keyof typeof PUSHES;
export type Push<K extends PushKind> = z.output<(typeof PUSHES)[K]>;

/**
 * A push's data in its parsed shape (times as Dates, like the API's answers), or undefined when
 * it does not match: parsed, not trusted, so a change on the server side degrades to a re-read
 * rather than to wrong numbers.
 */
export function parsePush<K extends PushKind>(kind: K, data: unknown): Push<K> | undefined {
  const parsed = PUSHES[kind].safeParse(data);
  return parsed.success ? (parsed.data as Push<K>) : undefined;
}
