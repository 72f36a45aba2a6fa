import { router } from "../../trpc";
import { cancelAllProcedure, cancelOrderProcedure } from "./cancel-order";
import {
  balancesProcedure,
  openOrdersProcedure,
  orderHistoryProcedure,
  tradeHistoryProcedure,
} from "./list-orders";
import { placeOrderProcedure } from "./place-order";
import { streamTokenProcedure } from "./stream-token";

export const tradingRouter = router({
  placeOrder: placeOrderProcedure,
  cancelOrder: cancelOrderProcedure,
  cancelAll: cancelAllProcedure,
  openOrders: openOrdersProcedure,
  orderHistory: orderHistoryProcedure,
  tradeHistory: tradeHistoryProcedure,
  balances: balancesProcedure,
  streamToken: streamTokenProcedure,
});
