import type { MarketUnits } from "@exchange/contracts/money";
import type { OrderDto } from "./order-contracts";

/** An order's facts in engine units, from an engine reply or from the orders read model. */
export interface OrderFacts {
  orderId: number;
  clientOrderId: string | null;
  symbol: string;
  side: "buy" | "sell";
  orderType: "limit" | "market";
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  filledLots: bigint;
  filledQuoteAtoms: bigint;
  status: OrderDto["status"];
  timeInForce: OrderDto["timeInForce"];
  postOnly: boolean;
  cancelReason: OrderDto["cancelReason"];
  createdAt: Date;
  updatedAt: Date;
}

/** An order as traders see it: decimals in the market's units; absent amounts are null. */
export function toOrderDto(o: OrderFacts, units: MarketUnits): OrderDto {
  return {
    orderId: o.orderId,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.orderType,
    price: o.priceTicks === 0n ? null : units.price(o.priceTicks),
    quantity: o.qtyLots === 0n ? null : units.quantity(o.qtyLots),
    quoteAmount: o.quoteAtoms === 0n ? null : units.quote(o.quoteAtoms),
    filledQuantity: units.quantity(o.filledLots),
    filledQuote: units.quote(o.filledQuoteAtoms),
    averagePrice: units.averagePrice(o.filledQuoteAtoms, o.filledLots),
    status: o.status,
    timeInForce: o.timeInForce,
    postOnly: o.postOnly,
    cancelReason: o.cancelReason,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
