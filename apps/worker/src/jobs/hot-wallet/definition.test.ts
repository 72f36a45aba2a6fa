import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../../env";
import { hotWalletJob } from "./definition";

const base = {
  DATABASE_URL: "postgresql://localhost:5432/exchange",
  REDIS_URL: "redis://localhost:6379",
};

describe("the hot-wallet job", () => {
  it("runs only where the environment names a chain, every HOT_WALLET_CHECK_EVERY_MS", () => {
    const without = parseWorkerEnv(base);
    expect(hotWalletJob.enabled?.(without)).toBe(false);
    expect(hotWalletJob.schedule(without)).toEqual({ everyMs: 60_000 });

    const withChain = parseWorkerEnv({
      ...base,
      CHAIN_RPC_URL: "http://127.0.0.1:8545",
      CHAIN_ID: "31337",
      WALLET_XPUB:
        "xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj",
      HOT_WALLET_CHECK_EVERY_MS: "5000",
    });
    expect(hotWalletJob.enabled?.(withChain)).toBe(true);
    expect(hotWalletJob.schedule(withChain)).toEqual({ everyMs: 5_000 });
  });
});
