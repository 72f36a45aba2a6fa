import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Secrets the local processes share. Made once per checkout, kept in the ignored data folder. */
export interface DevSecrets {
  AUTH_SECRET: string;
  ADMIN_AUTH_SECRET: string;
  STREAM_TOKEN_SECRET: string;
  /** Encrypts TOTP secrets at rest (32 random bytes, base64url). */
  TWO_FACTOR_KEY: string;
}

export function loadDevSecrets(file: string): DevSecrets {
  const saved: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  // A checkout made before a secret existed gets it added; the others are kept as they are.
  const secrets: DevSecrets = {
    AUTH_SECRET: saved.AUTH_SECRET ?? randomSecret(),
    ADMIN_AUTH_SECRET: saved.ADMIN_AUTH_SECRET ?? randomSecret(),
    STREAM_TOKEN_SECRET: saved.STREAM_TOKEN_SECRET ?? randomSecret(),
    TWO_FACTOR_KEY: saved.TWO_FACTOR_KEY ?? randomSecret(),
  };
  if (JSON.stringify(saved) !== JSON.stringify(secrets)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
