// Entry of core.bench.ts's `nodejs-order-book` worker: in Node 20 the loader tsx registers on the
// main thread does not reach worker threads, so the worker registers it before loading the runner.
import { register } from "tsx/esm/api";

register();
await import("./nob-runner.ts");
