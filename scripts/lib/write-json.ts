import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

/** Writes `value` as JSON in the house format (biome's), so a recorded file passes `biome ci`. */
export function writeFormattedJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  execFileSync("npx", ["biome", "format", "--write", path], { stdio: "ignore" });
}
