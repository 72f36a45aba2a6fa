import { requireRunVar } from "@exchange/protocol/testing";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createEvmAdapter } from "./evm-adapter";
import { fundOnLocalChain, tokenDecimals } from "./local-faucet";

const rpcUrl = requireRunVar("CHAIN_RPC_URL");
const token = requireRunVar("TEST_CHAIN_TOKEN_ADDRESS");
const adapter = createEvmAdapter({ rpcUrl });

describe("test funds on the local chain", () => {
  it("sends coin and mints the test token to a fresh address, which then holds exactly that", async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    await fundOnLocalChain({ rpcUrl, to, amountUnits: 1_500_000_000_000_000_000n });
    await fundOnLocalChain({ rpcUrl, to, amountUnits: 250_250_000n, token });
    expect(await adapter.nativeBalance(to)).toBe(1_500_000_000_000_000_000n);
    expect(await adapter.tokenBalance(token, to)).toBe(250_250_000n);
    expect(await tokenDecimals(rpcUrl, token)).toBe(6);
  });

  it("refuses a non-positive amount and an address that is not one, sending nothing", async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    await expect(fundOnLocalChain({ rpcUrl, to, amountUnits: 0n })).rejects.toThrow(/positive/);
    await expect(
      fundOnLocalChain({ rpcUrl, to: "0x1234", amountUnits: 1n, token }),
    ).rejects.toThrow();
    expect(await adapter.nativeBalance(to)).toBe(0n);
  });
});
