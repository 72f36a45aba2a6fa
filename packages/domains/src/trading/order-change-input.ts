import type { AmendOrderCommand, PlaceOcoOrderCommand } from "@exchange/core";
import { RejectCode } from "@exchange/core";
import {
  type Fail,
  limitBeyondMaximum,
  type OrderContext,
  positive,
  withFieldErrors,
} from "./order-input";
import { orderRejection } from "./order-rejections";
import type { AmendOrderInput, PlaceOcoInput } from "./place-order-contracts";

/**
 * The trader's decimal input for an OCO list or an amendment as the engine's command, exactly
 * (a price off the tick or a quantity off the lot is refused on its field, never rounded), with
 * the market's maxima checked as the engine would. The book, the balances, the last price and
 * the order being amended are the engine's call.
 */

/** An OCO list's command; both legs' prices and their order (see `ZPlaceOcoInput`). */
export function ocoCommandOf(input: PlaceOcoInput, ctx: OrderContext): PlaceOcoOrderCommand {
  const { units } = ctx.market;
  const command = withFieldErrors((fail) => {
    const price = (field: keyof PlaceOcoInput) =>
      positive(field, input[field], (t) => units.parsePrice(t), ctx, fail);
    const priceTicks = price("price");
    const stopPriceTicks = price("stopPrice");
    const stopLimitPriceTicks = price("stopLimitPrice");
    const qtyLots = positive("quantity", input.quantity, (t) => units.parseQuantity(t), ctx, fail);
    if (
      priceTicks === undefined ||
      stopPriceTicks === undefined ||
      stopLimitPriceTicks === undefined ||
      qtyLots === undefined
    )
      return undefined;
    checkOcoPriceOrder(input.side, priceTicks, stopPriceTicks, fail);
    return {
      type: "order.placeOco" as const,
      id: ctx.commandId,
      ts: ctx.ts,
      userId: ctx.userId,
      symbol: ctx.market.dto.symbol,
      side: input.side,
      qtyLots,
      priceTicks,
      stopPriceTicks,
      stopLimitPriceTicks,
      stopTimeInForce: input.stopTimeInForce ?? "GTC",
      ...(input.clientOrderId === undefined ? {} : { clientOrderId: input.clientOrderId }),
      ...(input.stopClientOrderId === undefined
        ? {}
        : { stopClientOrderId: input.stopClientOrderId }),
    };
  });
  const beyond =
    limitBeyondMaximum(command.priceTicks, command.qtyLots, ctx.market) ??
    limitBeyondMaximum(command.stopLimitPriceTicks, command.qtyLots, ctx.market) ??
    (command.stopPriceTicks > ctx.market.config.maxPriceTicks
      ? RejectCode.PriceAboveMax
      : undefined);
  if (beyond !== undefined) throw orderRejection(beyond, "", ctx.market);
  return command;
}

/**
 * The engine's rule (InvalidOcoPrices), said on the form's field before the engine is asked:
 * a sell takes its profit above and stops its loss below, a buy the other way round.
 */
function checkOcoPriceOrder(side: "buy" | "sell", price: bigint, stop: bigint, fail: Fail) {
  if (side === "sell" && price <= stop)
    fail("stopPrice", "For a sell, the stop price must be below the limit price.");
  if (side === "buy" && price >= stop)
    fail("stopPrice", "For a buy, the stop price must be above the limit price.");
}

/** An amendment's command: the order's name and its new total quantity and/or price. */
export function amendCommandOf(input: AmendOrderInput, ctx: OrderContext): AmendOrderCommand {
  const { units } = ctx.market;
  const command = withFieldErrors((fail) => {
    if (input.quantity === undefined && input.price === undefined) {
      fail("quantity", "Give a new quantity, a new price or both.");
      return undefined;
    }
    const qtyLots =
      input.quantity === undefined
        ? undefined
        : positive("quantity", input.quantity, (t) => units.parseQuantity(t), ctx, fail);
    const priceTicks =
      input.price === undefined
        ? undefined
        : positive("price", input.price, (t) => units.parsePrice(t), ctx, fail);
    return {
      type: "order.amend" as const,
      id: ctx.commandId,
      ts: ctx.ts,
      userId: ctx.userId,
      symbol: ctx.market.dto.symbol,
      ...(input.orderId === undefined ? {} : { orderId: input.orderId }),
      ...(input.clientOrderId === undefined ? {} : { clientOrderId: input.clientOrderId }),
      ...(qtyLots === undefined ? {} : { qtyLots }),
      ...(priceTicks === undefined ? {} : { priceTicks }),
    };
  });
  const { config: m } = ctx.market;
  if ((command.priceTicks ?? 0n) > m.maxPriceTicks)
    throw orderRejection(RejectCode.PriceAboveMax, "", ctx.market);
  if ((command.qtyLots ?? 0n) > m.maxQtyLots)
    throw orderRejection(RejectCode.QuantityAboveMax, "", ctx.market);
  return command;
}
