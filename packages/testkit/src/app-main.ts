import { fileURLToPath } from "node:url";

/** The processes the kit spawns, each by the path of its entry point (never imported). */
export type AppName = "engine" | "stream" | "gateway" | "worker" | "signer";

/** `apps/<name>/src/main.ts`, run with tsx as `npm run dev` runs it. */
export function appMain(app: AppName): string {
  return fileURLToPath(new URL(`../../../apps/${app}/src/main.ts`, import.meta.url));
}
