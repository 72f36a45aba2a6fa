export { type BusKeys, busKeys, COMMAND_FIELD, REPLY_TO_FIELD } from "./bus-keys";
export {
  type EngineCommand,
  type EngineCommandInput,
  type EngineCommandType,
  PROTOCOL_VERSION,
  ZEngineCommand,
} from "./commands";
export { EngineClient, type EngineClientOptions, EngineTimeoutError } from "./engine-client";
export { createLogger, type Logger, type LogLevel } from "./log";
export { BusRejectCode, type EngineRejection, type EngineReply, ZEngineReply } from "./replies";
export {
  type StreamTokenClaims,
  signStreamToken,
  streamBusChannel,
  verifyStreamToken,
} from "./stream-token";
