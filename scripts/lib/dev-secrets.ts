import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Secrets the local processes share. Made once per checkout, kept in the ignored data folder. */
export interface DevSecrets {
  AUTH_SECRET: string;
  ADMIN_AUTH_SECRET: string;
  STREAM_TOKEN_SECRET: string;
}

export function loadDevSecrets(file: string): DevSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  const secrets: DevSecrets = {
    AUTH_SECRET: randomSecret(),
    ADMIN_AUTH_SECRET: randomSecret(),
    STREAM_TOKEN_SECRET: randomSecret(),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
