/** The engine as other packages' integration tests and benchmarks run it. */
export { createEngineSandbox, EngineProcess, type EngineSandbox } from "./engine-process";
export { promptStateDigest } from "./prompt-digest";
export { BASE, QUOTE, referenceCommands, SYMBOL, seededRandom, tradingWorkload } from "./workload";
