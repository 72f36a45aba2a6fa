import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, parseEnv, portVar, sharedEnv } from "./env";

const shape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  REDIS_PREFIX: sharedEnv.REDIS_PREFIX,
  LOG_LEVEL: sharedEnv.LOG_LEVEL,
  HTTP_PORT: portVar(3400),
};
const good = { DATABASE_URL: "postgres://localhost/exchange" };

function problem(source: Record<string, string | undefined>): string {
  try {
    parseEnv({ name: "worker", shape, source });
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("the environment was accepted");
}

describe("environment loader", () => {
  it("names a missing variable under the process's name", () => {
    expect(problem({})).toMatch(/^worker: invalid environment\n {2}DATABASE_URL: /);
  });

  it("names each invalid variable, one line each", () => {
    const message = problem({ DATABASE_URL: "mysql://x/y", LOG_LEVEL: "loud", HTTP_PORT: "70000" });
    const lines = message.split("\n").slice(1);
    expect(lines.map((line) => line.trim().split(":")[0])).toEqual([
      "DATABASE_URL",
      "LOG_LEVEL",
      "HTTP_PORT",
    ]);
  });

  it("fills the defaults and coerces numbers", () => {
    expect(parseEnv({ name: "worker", shape, source: good })).toEqual({
      ...good,
      REDIS_PREFIX: "ex:",
      LOG_LEVEL: "info",
      HTTP_PORT: 3400,
    });
  });

  it("reports a rule across variables on the variable it names", () => {
    const refine = (env: { A?: string | undefined }, ctx: z.RefinementCtx) => {
      if (env.A === "bad") ctx.addIssue({ code: "custom", path: ["A"], message: "not allowed" });
    };
    const options = { name: "x", shape: { A: z.string().optional() }, refine };
    expect(() => parseEnv({ ...options, source: { A: "bad" } })).toThrow(
      "x: invalid environment\n  A: not allowed",
    );
    expect(parseEnv({ ...options, source: { A: "ok" } }).A).toBe("ok");
  });

  it("accepts every port in range and refuses every port outside it, naming it", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (port) => {
        const source = { ...good, HTTP_PORT: String(port) };
        if (port >= 0 && port <= 65_535) {
          expect(parseEnv({ name: "worker", shape, source }).HTTP_PORT).toBe(port);
        } else {
          expect(problem(source)).toContain("\n  HTTP_PORT: ");
        }
      }),
    );
  });
});

describe("wallet variables", () => {
  const wallet = { SIGNER_MNEMONIC: sharedEnv.SIGNER_MNEMONIC, WALLET_XPUB: sharedEnv.WALLET_XPUB };
  const xpub =
    "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";
  const mnemonic = "test test test test test test test test test test test junk";
  const parse = (source: Record<string, string>) =>
    parseEnv({ name: "signer", shape: wallet, source });

  it("accepts a mnemonic padded by an environment file, trimmed, and an account xpub", () => {
    expect(parse({ SIGNER_MNEMONIC: ` ${mnemonic}\n`, WALLET_XPUB: `${xpub}\n` })).toEqual({
      SIGNER_MNEMONIC: mnemonic,
      WALLET_XPUB: xpub,
    });
  });

  it("names a mnemonic of the wrong shape without quoting it", () => {
    for (const wrong of [
      mnemonic.replace(" junk", ""),
      `${mnemonic} junk`,
      mnemonic.toUpperCase(),
    ]) {
      const run = () => parse({ SIGNER_MNEMONIC: wrong, WALLET_XPUB: xpub });
      expect(run).toThrow(/\n {2}SIGNER_MNEMONIC: Use a BIP39 English mnemonic/);
      expect(run).not.toThrow(/test/i);
    }
  });

  it("refuses an extended private key or a cut xpub where the xpub belongs", () => {
    for (const wrong of [`xprv${xpub.slice(4)}`, xpub.slice(0, -1), ""]) {
      expect(() => parse({ SIGNER_MNEMONIC: mnemonic, WALLET_XPUB: wrong })).toThrow(
        /\n {2}WALLET_XPUB: Use the base58 xpub/,
      );
    }
  });
});
