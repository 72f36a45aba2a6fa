// A worker thread does not inherit the TypeScript loader the engine runs under: register it,
// then load the thread's code (snapshot-thread.ts).
import { register } from "tsx/esm/api";

register();
await import("./snapshot-thread.ts");
