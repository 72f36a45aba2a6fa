import { assert } from "../../assert";
import type { Command } from "../../commands";
import type { CoreState, Rejection } from "../../core-state";
import type { CommandResult, CoreEvent } from "../../events";
import { checkEnvelope, finish, rejected, runnerOf } from "../command-runner";
import type { CoreModule } from "../core-module";
import { amendOrder } from "./amend-order";
import { cancelAllOrders, cancelOrder } from "./cancel-order";
import type { AnyPlaceOrderCommand, CancelOrderCommand, SpotCommand } from "./commands";
import { placeOco } from "./place-oco";
import { placeOrder } from "./place-order";
import { addMarket, assignFeeTier, setFeeTier, setMarketStatus } from "./reference-commands";
import { type SpotSnapshot, spotSnapshot } from "./snapshot";

/**
 * The spot module: markets, fee tiers, orders, matching and the books. Markets and fee tiers
 * are its reference data because only spot matching reads them (a derivatives module will
 * have markets and fee schedules of its own); assets belong to accounts, which every module
 * shares. It moves money only through the accounts module's ledger.
 */
export const spotModule: CoreModule<SpotCommand, SpotSnapshot> = {
  name: "spot",
  commands: {
    "market.add": runnerOf(addMarket),
    "market.setStatus": runnerOf(setMarketStatus),
    "feeTier.set": runnerOf(setFeeTier),
    "feeTier.assign": runnerOf(assignFeeTier),
    "order.place": runPlaceOrder,
    "order.cancel": runCancelOrder,
    "order.cancelAll": runnerOf(cancelAllOrders),
    "order.placeOco": runnerOf(placeOco),
    "order.amend": runnerOf(amendOrder),
  },
  snapshot: spotSnapshot,
};

/**
 * `order.place`, the hot command: `ExchangeCore.apply` calls it directly, before the table. A
 * rejection also reports `order.rejected`, so that subscribers see the refused order.
 */
export function runPlaceOrder(s: CoreState, command: Command): CommandResult {
  const c = command as AnyPlaceOrderCommand;
  const id = c.id;
  const bad = checkEnvelope(id, c.ts);
  if (bad !== null) return placeRejected(c, bad);
  const events: CoreEvent[] = [];
  const rejection = placeOrder(s, c, events);
  if (rejection !== null) {
    assert(events.length === 0, "a rejected command emitted events");
    return placeRejected(c, rejection);
  }
  return { accepted: true, commandId: id, repeated: false, events };
}

/**
 * `order.cancel`, the other hot command (about a third of a busy market's commands), also called
 * directly: through the table it would pay a megamorphic keyed lookup, and reads of `id` and
 * `ts` in the shared `runnerOf` closure that every command type has made megamorphic.
 */
export function runCancelOrder(s: CoreState, command: Command): CommandResult {
  const c = command as CancelOrderCommand;
  const id = c.id;
  const bad = checkEnvelope(id, c.ts);
  if (bad !== null) return rejected(c, bad);
  const events: CoreEvent[] = [];
  return finish(c, id, cancelOrder(s, c, events), events);
}

function placeRejected(c: AnyPlaceOrderCommand, rejection: Rejection): CommandResult {
  return rejected(c, rejection, [
    {
      type: "order.rejected",
      symbol: c.symbol,
      userId: c.userId,
      clientOrderId: c.clientOrderId ?? null,
      code: rejection.code,
      message: rejection.message,
    },
  ]);
}
