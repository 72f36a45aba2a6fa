/** `trading.placeOco`: an OCO list's input and answer, as the trading domain defines them. */
export {
  ZPlaceOcoInput,
  ZPlaceOcoOutput,
} from "@exchange/domains/trading/place-order-contracts";
