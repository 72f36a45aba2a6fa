export { WorkerProcess, type WorkerTarget } from "./worker-process";
