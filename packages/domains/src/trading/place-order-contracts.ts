import { ZOrder } from "@exchange/contracts/order";
import { z } from "zod";

/**
 * Place an order. Decimal strings in the market's units; the API converts them exactly (a price
 * off the tick or a quantity off the lot is refused, never rounded). `clientOrderId` makes the
 * call idempotent: retrying with the same one returns the first result.
 * - limit: `price` and `quantity`; `timeInForce` (GTC default), `postOnly` (GTC only).
 * - market sell: `quantity`. Market buy: `quantity` or `quoteAmount` (what to spend).
 *   Market orders never fill beyond `slippagePercent` (default 5) from the best opposite price.
 * - stopLimit / takeProfitLimit: `stopPrice`, `price` and `quantity`; `timeInForce` applies once
 *   triggered. The order waits until the market's last trade price reaches `stopPrice`: a
 *   stop-limit buy when the price rises to it, a sell when it falls to it; a take-profit-limit
 *   the other way round. One that would trigger at once is refused.
 * - On a perpetual contract (`BTCUSDT-PERP`) the same orders open and close a position, margin
 *   reserved in the futures wallet; `reduceOnly` closes without opening (IOC or FOK, a stop or
 *   take-profit one too: it reserves nothing, is clipped to the position when it triggers and is
 *   cancelled when the position closes); buying by amount is not offered there.
 */
const ZClientOrderId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,36}$/, "Use 1–36 letters, digits, '-' or '_'.");

export const ZPlaceOrderInput = z.object({
  symbol: z.string().min(1).max(20),
  side: z.enum(["buy", "sell"]),
  type: z.enum(["limit", "market", "stopLimit", "takeProfitLimit"]),
  price: z.string().max(80).optional(),
  stopPrice: z.string().max(80).optional(),
  quantity: z.string().max(80).optional(),
  quoteAmount: z.string().max(80).optional(),
  timeInForce: z.enum(["GTC", "IOC", "FOK"]).optional(),
  postOnly: z.boolean().optional(),
  slippagePercent: z.number().min(0.1).max(50).optional(),
  clientOrderId: ZClientOrderId.optional(),
  /** Perpetual contracts only: the order may only reduce the position (IOC, FOK or market). */
  reduceOnly: z.boolean().optional(),
});
export type PlaceOrderInput = z.infer<typeof ZPlaceOrderInput>;

/** The order as the engine accepted it, with whatever filled at once, and its trades. */
const ZTakerFills = z.array(
  z.object({
    tradeId: z.number().int(),
    price: z.string(),
    quantity: z.string(),
    fee: z.string(),
    feeAsset: z.string(),
  }),
);

export const ZPlaceOrderOutput = z.object({ order: ZOrder, fills: ZTakerFills });

/**
 * An OCO list (one-cancels-the-other): a post-only limit order at `price` and a stop-limit order
 * (`stopPrice`, then working at `stopLimitPrice`), same side and quantity, funded once. A sell's
 * `price` is above its `stopPrice` (take the profit above, limit the loss below), a buy's below.
 * When either fills, even partly, or the stop triggers, the other is cancelled. `clientOrderId`
 * names the limit order and makes the call idempotent; `stopClientOrderId` names the stop order.
 */
export const ZPlaceOcoInput = z.object({
  symbol: z.string().min(1).max(20),
  side: z.enum(["buy", "sell"]),
  quantity: z.string().max(80),
  price: z.string().max(80),
  stopPrice: z.string().max(80),
  stopLimitPrice: z.string().max(80),
  stopTimeInForce: z.enum(["GTC", "IOC", "FOK"]).optional(),
  clientOrderId: ZClientOrderId.optional(),
  stopClientOrderId: ZClientOrderId.optional(),
});
export type PlaceOcoInput = z.infer<typeof ZPlaceOcoInput>;

/** The list's id and its two orders, the limit order first. (A list never trades on arrival.) */
export const ZPlaceOcoOutput = z.object({
  listId: z.number().int(),
  orders: z.tuple([ZOrder, ZOrder]),
  fills: ZTakerFills,
});

/**
 * Amend one open order, named by `orderId` or `clientOrderId`: a new total `quantity` (what has
 * filled included) and/or a new `price`. Only lowering the quantity keeps the order's place in
 * the queue; a new price or a larger quantity replaces it with a new order at the back.
 */
export const ZAmendOrderInput = z
  .object({
    symbol: z.string().min(1).max(20),
    orderId: z.number().int().positive().max(2_147_483_647).optional(),
    clientOrderId: ZClientOrderId.optional(),
    quantity: z.string().max(80).optional(),
    price: z.string().max(80).optional(),
  })
  .refine((i) => (i.orderId === undefined) !== (i.clientOrderId === undefined), {
    message: "Name the order by its id or its client order id (one of the two).",
    path: ["orderId"],
  })
  .refine((i) => i.quantity !== undefined || i.price !== undefined, {
    message: "Give a new quantity, a new price or both.",
    path: ["quantity"],
  });
export type AmendOrderInput = z.infer<typeof ZAmendOrderInput>;

/** The order as it now is (a new id when it lost its place), and whether it kept its place. */
export const ZAmendOrderOutput = z.object({
  order: ZOrder,
  keptPriority: z.boolean(),
  replacedOrderId: z.number().int().optional(),
});
