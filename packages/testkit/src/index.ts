/** The processes and workloads other packages' integration tests and benchmarks run. */
export { appMain } from "./app-main";
export { pointCcxtBinanceAt } from "./ccxt-binance";
export { createEngineSandbox, EngineProcess, type EngineSandbox } from "./engine-process";
export { GatewayProcess, type GatewayTarget } from "./gateway-process";
export { promptStateDigest } from "./prompt-digest";
export { SignerProcess, type SignerTarget } from "./signer-process";
export { StreamProcess, type StreamTarget } from "./stream-process";
export { WorkerProcess, type WorkerTarget } from "./worker-process";
export { BASE, QUOTE, referenceCommands, SYMBOL, seededRandom, tradingWorkload } from "./workload";
