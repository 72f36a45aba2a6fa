import { encodeOrder, type OrderWire } from "@exchange/contracts/order";
import { foldOrderLife } from "@exchange/contracts/order-life";
import type { MarketDecimals } from "@exchange/contracts/wire";
import type { CoreEvent } from "@exchange/core";
import { AppError, AppErrorCode } from "../errors";

/**
 * Orders as the engine's answer to one command states them, with no read-model lag: the same
 * fold (`foldOrderLife`) the projector and the `@order` pushes use, so the three agree.
 */

export type Event<T extends CoreEvent["type"]> = Extract<CoreEvent, { type: T }>;

/** Every order the command accepted, in the order the engine accepted them. */
export function acceptedOrders(events: readonly CoreEvent[]): Event<"order.accepted">[] {
  return events.filter((e): e is Event<"order.accepted"> => e.type === "order.accepted");
}

/** The one accepted order, or an internal error when the engine's answer lacks it. */
export function onlyAccepted(events: readonly CoreEvent[]): Event<"order.accepted"> {
  const accepted = acceptedOrders(events)[0];
  if (!accepted)
    throw new AppError(AppErrorCode.INTERNAL, "engine accepted an order without order.accepted");
  return accepted;
}

/** The accepted order after the command's other events (fills, trigger, cancels), for the wire. */
export function orderAfter(
  accepted: Event<"order.accepted">,
  events: readonly CoreEvent[],
  units: MarketDecimals,
): OrderWire {
  const life = foldOrderLife(accepted, events);
  return encodeOrder(
    {
      ...accepted,
      ...life,
      stopOrderType: accepted.stopOrderType ?? null,
      workingAt: life.working ? life.workingTs : null,
      createdAt: accepted.ts,
      updatedAt: accepted.ts,
    },
    units,
  );
}

/** The trades the given orders took on arrival (or on their trigger), from the taker's side. */
export function takerFills(
  events: readonly CoreEvent[],
  orderIds: readonly number[],
  units: MarketDecimals,
) {
  return events
    .filter((e): e is Event<"trade"> => e.type === "trade" && orderIds.includes(e.takerOrderId))
    .map((t) => ({
      tradeId: t.tradeId,
      price: units.price(t.priceTicks),
      quantity: units.quantity(t.qtyLots),
      fee: units.amount(t.takerFeeAtoms, t.takerFeeAsset),
      feeAsset: t.takerFeeAsset,
    }));
}
