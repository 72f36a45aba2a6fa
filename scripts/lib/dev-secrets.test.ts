import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAccountXpub } from "@exchange/chain";
import { createSigner } from "@exchange/chain/signer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appSecrets, loadDevSecrets } from "./dev-secrets";
import { inheritedEnv } from "./script-env";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dev-secrets-"));
  file = join(dir, ".data", "dev-secrets.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the dev secrets", () => {
  it("makes a fresh wallet mnemonic once, readable by its owner alone, and keeps it", () => {
    const first = loadDevSecrets(file);
    expect(first.SIGNER_MNEMONIC.split(" ")).toHaveLength(24);
    expect(() => createSigner(first.SIGNER_MNEMONIC)).not.toThrow();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDevSecrets(file)).toEqual(first);
    expect(loadDevSecrets(join(dir, "other.json")).SIGNER_MNEMONIC).not.toBe(first.SIGNER_MNEMONIC);
  });

  it("adds the mnemonic to a checkout's older secrets and keeps those as they were", () => {
    const older = {
      AUTH_SECRET: "a".repeat(43),
      ADMIN_AUTH_SECRET: "b".repeat(43),
      STREAM_TOKEN_SECRET: "c".repeat(43),
      TWO_FACTOR_KEY: "d".repeat(43),
    };
    loadDevSecrets(file);
    writeFileSync(file, JSON.stringify(older));
    const secrets = loadDevSecrets(file);
    expect(secrets).toMatchObject(older);
    expect(JSON.parse(readFileSync(file, "utf8")).SIGNER_MNEMONIC).toBe(secrets.SIGNER_MNEMONIC);
  });

  it("hands the apps the wallet's xpub and never its mnemonic", () => {
    const secrets = loadDevSecrets(file);
    const forApps = appSecrets(secrets);
    expect(forApps).not.toHaveProperty("SIGNER_MNEMONIC");
    expect(JSON.stringify(forApps)).not.toContain(secrets.SIGNER_MNEMONIC.split(" ")[0]);
    expect(forApps.WALLET_XPUB).toBe(createSigner(secrets.SIGNER_MNEMONIC).accountXpub);
    expect(() => parseAccountXpub(forApps.WALLET_XPUB)).not.toThrow();
    expect(forApps.TWO_FACTOR_KEY).toBe(secrets.TWO_FACTOR_KEY);
  });

  it("is not passed on from the script's own environment to the processes it starts", () => {
    const shell = { SIGNER_MNEMONIC: "set by the shell", PATH: "/usr/bin" };
    expect(inheritedEnv(shell)).toEqual({ PATH: "/usr/bin" });
  });
});
