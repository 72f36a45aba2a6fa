/** The Binance-compatible REST transport: the server factory, its routes' seam and its errors. */
export { BinanceCode, BinanceError, binanceErrors, toBinanceError } from "./binance-errors";
export {
  type BinanceOpenApiDocument,
  binanceOpenApiDocument,
  OPENAPI_PATHS,
} from "./binance-openapi";
export type { RawQuery } from "./binance-params";
export {
  BINANCE_WEIGHT_LIMITS,
  type WeightCharge,
  WeightLimiter,
  type WeightLimits,
  type WeightVerdict,
} from "./binance-rate-limit";
export type {
  ApiKeyPermission,
  BinanceRoute,
  BinanceRouteContext,
  SignedCaller,
  SignedRequest,
  SignedRequestCheck,
} from "./binance-route";
export {
  type BinanceRequestObserver,
  type BinanceServerOptions,
  createBinanceServer,
} from "./binance-server";
export { signedRequestCheck } from "./binance-signed-check";
export { publicBinanceRoutes, signedBinanceRoutes } from "./routes";
export {
  attachBinanceStreams,
  type BinanceStreams,
  type BinanceStreamsOptions,
  type StreamConnectionKind,
} from "./streams/stream-server";
export { userDataStreamRoutes } from "./streams/user-data-stream-routes";
