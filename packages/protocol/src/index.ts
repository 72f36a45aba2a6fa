export {
  COMMAND_SEPARATOR,
  COMMANDS_PER_ENTRY_MAX,
  readReplyLines,
  replyLine,
  splitCommands,
} from "./bus-frames";
export {
  type BusKeys,
  busKeys,
  COMMAND_FIELD,
  jobQueueKeys,
  REPLY_TO_FIELD,
} from "./bus-keys";
export { clientAddress, TRUSTED_PROXY_HOPS_MAX } from "./client-address";
export { type Clock, clockDate, ManualClock, systemClock } from "./clock";
export { stringifyWire, ZBigint, ZSafeInt, ZShortText } from "./codecs";
export { commandIds } from "./command-ids";
export {
  type EngineCommand,
  type EngineCommandInput,
  type EngineCommandType,
  PROTOCOL_VERSION,
  ZCoreCommand,
  ZEngineCommand,
} from "./commands";
export {
  type ConsumerState,
  type ConsumerStatus,
  consumerStatusKey,
  ZConsumerState,
  ZConsumerStatus,
} from "./consumer-status";
export { EngineClient, type EngineClientOptions, EngineTimeoutError } from "./engine-client";
export { readEvents, readOutcome, writeEvents, writeOutcome } from "./event-json";
export { type WireCoreEvent, ZCoreEvent } from "./events";
export { decodeHotCommand } from "./hot-commands";
export { loadEnv } from "./load-env";
export { createLogger, type LogAlert, type Logger, type LogLevel, setLogAlertSink } from "./log";
export { createOpsHttpServer, type OpsAnswer, type OpsRoutes } from "./ops-http";
export {
  type LogAlertReport,
  logAlertStreamKey,
  PROCESS_HEARTBEAT_EVERY_MS,
  PROCESS_HEARTBEAT_FORGET_MS,
  PROCESS_HEARTBEAT_STALE_MS,
  type ProcessHeartbeat,
  type ProcessReporting,
  processHeartbeatKey,
  readProcessHeartbeats,
  startProcessReporting,
  VENUE_PROCESSES,
  type VenueProcess,
  ZLogAlertReport,
  ZProcessHeartbeat,
} from "./process-reports";
export {
  type ProcessVitals,
  type RequestVitals,
  ZProcessVitals,
} from "./process-vitals";
export {
  type CommandOutcome,
  type EngineReply,
  unjournaledReply,
  ZCommandOutcome,
  ZEngineReply,
} from "./replies";
export {
  decodeSessionRevocation,
  encodeSessionRevocation,
  type SessionRevocation,
  sessionRevocationChannel,
} from "./session-revocation";
export {
  STREAM_TOKEN_TTL_MS,
  type StreamTokenClaims,
  signStreamToken,
  streamBusChannel,
  verifyStreamToken,
} from "./stream-token";
