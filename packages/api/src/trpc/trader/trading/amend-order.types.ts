/** `trading.amendOrder`: an amendment's input and answer, as the trading domain defines them. */
export {
  ZAmendOrderInput,
  ZAmendOrderOutput,
} from "@exchange/domains/trading/place-order-contracts";
