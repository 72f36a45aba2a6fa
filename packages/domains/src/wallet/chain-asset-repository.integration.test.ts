import { requireRunVar } from "@exchange/protocol/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services";
import { closeServices, testServices } from "../testing/test-services";
import {
  findChainAsset,
  findEnabledChainAssets,
  recordTokenContract,
} from "./chain-asset-repository";

let services: Services;

beforeAll(async () => {
  services = await testServices();
});

afterAll(() => closeServices(services));

describe("the chains' assets", () => {
  it("are seeded for the local chain, with the token's address the chain node recorded", async () => {
    const assets = await findEnabledChainAssets(services.db, "evm-local");
    expect(assets).toEqual([
      {
        chainKey: "evm-local",
        assetCode: "ETH",
        kind: "NATIVE",
        contractAddress: null,
        decimals: 18,
        confirmations: 3,
        minDeposit: "0.001",
        enabled: true,
      },
      {
        chainKey: "evm-local",
        assetCode: "USDT",
        kind: "ERC20",
        contractAddress: requireRunVar("TEST_CHAIN_TOKEN_ADDRESS"),
        decimals: 6,
        confirmations: 3,
        minDeposit: "1",
        enabled: true,
      },
    ]);
    expect(await findChainAsset(services.db, "evm-local", "BTC")).toBeUndefined();
    expect(await findEnabledChainAssets(services.db, "another-chain")).toEqual([]);
  });

  it("refuse a contract for a token nobody configured, or for a native coin", async () => {
    const contractAddress = "0x000000000000000000000000000000000000dEaD";
    for (const [chainKey, assetCode] of [
      ["evm-local", "BTC"],
      ["evm-local", "ETH"],
      ["another-chain", "USDT"],
    ] as const) {
      await expect(
        recordTokenContract(services.db, { chainKey, assetCode, contractAddress }),
      ).rejects.toThrow(/No .* token on chain/);
    }
    expect((await findChainAsset(services.db, "evm-local", "ETH"))?.contractAddress).toBeNull();
  });
});
