import { generateSignerMnemonic } from "@exchange/chain/signer";
import { describe, expect, it } from "vitest";
import { parseSignerEnv } from "./env";

const valid = {
  SIGNER_MNEMONIC: generateSignerMnemonic(),
  DATABASE_URL: "postgres://localhost/exchange",
  REDIS_URL: "redis://localhost:6379",
  CHAIN_RPC_URL: "http://127.0.0.1:8545",
  CHAIN_ID: "31337",
};

describe("the signer's environment", () => {
  it("needs its mnemonic and the chain, and defaults the rest", () => {
    const env = parseSignerEnv(valid);
    expect(env.CHAIN_ID).toBe(31_337);
    expect(env.CHAIN_KEY).toBe("evm-local");
    expect(env.SIGNER_POLL_MS).toBe(2_000);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("names a missing mnemonic without quoting any secret", () => {
    const { SIGNER_MNEMONIC, ...rest } = valid;
    expect(() => parseSignerEnv(rest)).toThrow(/SIGNER_MNEMONIC/);
    let message = "";
    try {
      parseSignerEnv({ ...valid, SIGNER_MNEMONIC: `${SIGNER_MNEMONIC} extra` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SIGNER_MNEMONIC/);
    expect(message).not.toContain(SIGNER_MNEMONIC.split(" ")[0]);
  });

  it("refuses the crash fault outside tests", () => {
    const fault = { ...valid, SIGNER_TEST_EXIT_BEFORE_BROADCAST: "on" };
    expect(() => parseSignerEnv(fault)).toThrow(/tests only/);
    expect(parseSignerEnv({ ...fault, NODE_ENV: "test" }).SIGNER_TEST_EXIT_BEFORE_BROADCAST).toBe(
      "on",
    );
  });
});
