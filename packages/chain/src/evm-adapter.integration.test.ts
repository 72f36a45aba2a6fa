import { requireRunVar } from "@exchange/protocol/testing";
import fc from "fast-check";
import {
  type Address,
  createTestClient,
  createWalletClient,
  erc20Abi,
  type Hex,
  http,
  parseAbi,
  parseEther,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { describe, expect, it } from "vitest";
import { createEvmAdapter } from "./evm-adapter";

// Hardhat's second well-known test account (public test mnemonic; funded on local nodes only).
// Not the first: the chain node deploys the token from that one.
const FUNDED_KEY: Hex = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const MINT_ABI = parseAbi(["function mint(address to, uint256 value)"]);

const rpcUrl = requireRunVar("CHAIN_RPC_URL");
const token = requireRunVar("TEST_CHAIN_TOKEN_ADDRESS") as Address;
const adapter = createEvmAdapter({ rpcUrl });
const sender = privateKeyToAccount(FUNDED_KEY);
const chain = { ...hardhat, id: Number(requireRunVar("CHAIN_ID")) };
const wallet = createWalletClient({ account: sender, transport: http(rpcUrl), chain });
const testClient = createTestClient({ mode: "hardhat", transport: http(rpcUrl) });

const freshAddress = () => privateKeyToAccount(generatePrivateKey()).address;

async function mined(hash: string) {
  const receipt = await adapter.receipt(hash);
  if (!receipt) throw new Error(`${hash} was not mined (automining is on)`);
  return receipt;
}

describe("the EVM adapter on the local chain", () => {
  it("answers the configured chain id and a head block with its parent", async () => {
    expect(await adapter.chainId()).toBe(Number(requireRunVar("CHAIN_ID")));
    const head = await adapter.latestBlockNumber();
    const block = await adapter.block(head);
    const parent = await adapter.block(head - 1n);
    expect(block?.parentHash).toBe(parent?.hash);
    expect(await adapter.block(head + 1_000n)).toBeUndefined();
  });

  it("finds native coin sent to a watched address, and its balance", async () => {
    const to = freshAddress();
    const value = parseEther("1.25");
    const receipt = await mined(await wallet.sendTransaction({ to, value }));
    expect(receipt.status).toBe("success");
    const range = { from: receipt.blockNumber, to: receipt.blockNumber };

    const transfers = await adapter.nativeTransfers(range, [to.toLowerCase()]);
    expect(transfers).toEqual([
      {
        txHash: receipt.txHash,
        blockNumber: receipt.blockNumber,
        blockHash: receipt.blockHash,
        from: sender.address,
        to,
        value,
      },
    ]);
    expect(await adapter.nativeTransfers(range, [freshAddress()])).toEqual([]);
    expect(await adapter.nativeBalance(to)).toBe(value);
  });

  it("finds minted and transferred tokens as Transfer logs, and token balances", async () => {
    const to = freshAddress();
    const minted = await mined(
      await wallet.writeContract({
        address: token,
        abi: MINT_ABI,
        functionName: "mint",
        args: [sender.address, 5_000_000n],
      }),
    );
    const sent = await mined(
      await wallet.writeContract({
        address: token,
        abi: erc20Abi,
        functionName: "transfer",
        args: [to, 1_500_000n],
      }),
    );
    const range = { from: minted.blockNumber, to: sent.blockNumber };

    const toRecipient = await adapter.tokenTransfers(range, [token], [to]);
    expect(toRecipient).toEqual([
      {
        txHash: sent.txHash,
        blockNumber: sent.blockNumber,
        blockHash: sent.blockHash,
        logIndex: 0,
        contract: token,
        from: sender.address,
        to,
        value: 1_500_000n,
      },
    ]);
    const all = await adapter.tokenTransfers(range, [token]);
    expect(all.map((t) => t.value)).toEqual([5_000_000n, 1_500_000n]);
    expect(await adapter.tokenBalance(token, to)).toBe(1_500_000n);
  });

  it("reads back any token amount exactly, far beyond a JS number's precision", async () => {
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 1n, max: 2n ** 200n }), async (amount) => {
        const to = freshAddress();
        const hash = await wallet.writeContract({
          address: token,
          abi: MINT_ABI,
          functionName: "mint",
          args: [to, amount],
        });
        const { blockNumber } = await mined(hash);
        const [transfer] = await adapter.tokenTransfers(
          { from: blockNumber, to: blockNumber },
          [token],
          [to],
        );
        expect(transfer?.value).toBe(amount);
        expect(await adapter.tokenBalance(token, to)).toBe(amount);
      }),
      { numRuns: 15 },
    );
  });

  it("broadcasts a transaction signed elsewhere, priced by its fee estimate", async () => {
    const fees = await adapter.estimateFees();
    expect(fees.maxFeePerGas).toBeGreaterThanOrEqual(fees.maxPriorityFeePerGas);
    expect(fees.maxPriorityFeePerGas).toBeGreaterThanOrEqual(0n);

    const to = freshAddress();
    const request = await wallet.prepareTransactionRequest({ to, value: 7n, ...fees });
    const signed = await wallet.signTransaction(request);
    const hash = await adapter.broadcast(signed);
    expect((await mined(hash)).status).toBe("success");
    expect(await adapter.nativeBalance(to)).toBe(7n);
  });

  it("says reverted for a transaction that reverts, and finds no transfer in it", async () => {
    const to = freshAddress();
    const poor = privateKeyToAccount(generatePrivateKey());
    await mined(await wallet.sendTransaction({ to: poor.address, value: parseEther("1") }));
    const poorWallet = createWalletClient({ account: poor, transport: http(rpcUrl), chain });
    // An explicit gas limit skips estimation, which would refuse a transaction bound to revert.
    const hash = await poorWallet.writeContract({
      address: token,
      abi: erc20Abi,
      functionName: "transfer",
      args: [to, 1n],
      gas: 100_000n,
    });
    const receipt = await mined(hash);
    expect(receipt.status).toBe("reverted");
    const range = { from: receipt.blockNumber, to: receipt.blockNumber };
    expect(await adapter.tokenTransfers(range, [token], [to])).toEqual([]);
  });

  it("shows a different block at the same height after a reorganisation", async () => {
    const snapshot = await testClient.snapshot();
    const to = freshAddress();
    const receipt = await mined(await wallet.sendTransaction({ to, value: 1_000n }));
    const before = await adapter.block(receipt.blockNumber);

    await testClient.revert({ id: snapshot });
    await testClient.mine({ blocks: 1 });
    const after = await adapter.block(receipt.blockNumber);

    expect(after?.number).toBe(before?.number);
    expect(after?.hash).not.toBe(before?.hash);
    expect(after?.parentHash).toBe(before?.parentHash);
    expect(await adapter.latestBlockNumber()).toBe(receipt.blockNumber);
    expect(await adapter.receipt(receipt.txHash)).toBeUndefined();
    expect(await adapter.nativeBalance(to)).toBe(0n);
  });
});
