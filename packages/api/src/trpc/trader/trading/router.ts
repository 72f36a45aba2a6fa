import { router } from "../../trpc";
import { amendOrderProcedure } from "./amend-order";
import { cancelAllProcedure, cancelOrderProcedure } from "./cancel-order";
import {
  balancesProcedure,
  openOrdersProcedure,
  orderHistoryProcedure,
  tradeHistoryProcedure,
} from "./list-orders";
import { placeOcoProcedure } from "./place-oco";
import { placeOrderProcedure } from "./place-order";
import { streamTokenProcedure } from "./stream-token";

export const tradingRouter = router({
  placeOrder: placeOrderProcedure,
  placeOco: placeOcoProcedure,
  amendOrder: amendOrderProcedure,
  cancelOrder: cancelOrderProcedure,
  cancelAll: cancelAllProcedure,
  openOrders: openOrdersProcedure,
  orderHistory: orderHistoryProcedure,
  tradeHistory: tradeHistoryProcedure,
  balances: balancesProcedure,
  streamToken: streamTokenProcedure,
});
