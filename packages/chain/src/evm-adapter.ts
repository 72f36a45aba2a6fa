/**
 * The chain adapter of EVM chains, on viem's public client over HTTP JSON-RPC. It reads and
 * broadcasts; it never signs (the signer does) and holds no key.
 */
import {
  type Address,
  createPublicClient,
  erc20Abi,
  getAddress,
  type Hex,
  http,
  isAddressEqual,
  type PublicClient,
  parseAbiItem,
  type TransactionReceiptNotFoundError,
} from "viem";
import type {
  BlockHeader,
  BlockRange,
  ChainAdapter,
  FeeEstimate,
  NativeTransfer,
  TokenTransfer,
  TransactionReceipt,
} from "./chain-adapter";

const TRANSFER_EVENT = parseAbiItem(
  "event Transfer(address indexed from, address indexed to, uint256 value)",
);

export interface EvmAdapterOptions {
  rpcUrl: string;
  /** Milliseconds before one RPC call is abandoned. */
  timeoutMs?: number;
}

export function createEvmAdapter(options: EvmAdapterOptions): ChainAdapter {
  const client = createPublicClient({
    transport: http(options.rpcUrl, { timeout: options.timeoutMs ?? 10_000, retryCount: 2 }),
  });
  return {
    chainId: () => client.getChainId(),
    latestBlockNumber: () => client.getBlockNumber({ cacheTime: 0 }),
    block: (number) => blockAt(client, number),
    nativeTransfers: (range, addresses) => nativeTransfers(client, range, addresses),
    tokenTransfers: (range, contracts, recipients) =>
      tokenTransfers(client, range, contracts, recipients),
    receipt: (txHash) => receiptOf(client, txHash as Hex),
    estimateFees: () => estimateFees(client),
    broadcast: (raw) => client.sendRawTransaction({ serializedTransaction: raw as Hex }),
    nativeBalance: (address) => client.getBalance({ address: address as Address }),
    tokenBalance: (contract, address) =>
      client.readContract({
        address: contract as Address,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [address as Address],
      }),
    transactionCount: (address, block) =>
      client.getTransactionCount({ address: address as Address, blockTag: block }),
    transactionKnown: (txHash) => transactionKnown(client, txHash as Hex),
  };
}

async function transactionKnown(client: PublicClient, hash: Hex): Promise<boolean> {
  try {
    await client.getTransaction({ hash });
    return true;
  } catch (error) {
    if ((error as Error).name === "TransactionNotFoundError") return false;
    throw error;
  }
}

async function blockAt(client: PublicClient, number: bigint): Promise<BlockHeader | undefined> {
  if (number > (await client.getBlockNumber({ cacheTime: 0 }))) return undefined;
  const block = await client.getBlock({ blockNumber: number });
  if (block.hash === null || block.number === null) return undefined;
  return {
    number: block.number,
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: block.timestamp,
  };
}

async function nativeTransfers(
  client: PublicClient,
  range: BlockRange,
  addresses: readonly string[],
): Promise<NativeTransfer[]> {
  const wanted = new Set(addresses.map((a) => getAddress(a)));
  const found: NativeTransfer[] = [];
  for (let number = range.from; number <= range.to; number++) {
    const block = await client.getBlock({ blockNumber: number, includeTransactions: true });
    for (const tx of block.transactions) {
      if (!tx.to || tx.value === 0n || !wanted.has(getAddress(tx.to))) continue;
      // A reverted transaction moves no value, though it carries one.
      const receipt = await client.getTransactionReceipt({ hash: tx.hash });
      if (receipt.status !== "success") continue;
      found.push({
        txHash: tx.hash,
        blockNumber: number,
        blockHash: receipt.blockHash,
        from: getAddress(tx.from),
        to: getAddress(tx.to),
        value: tx.value,
      });
    }
  }
  return found;
}

async function tokenTransfers(
  client: PublicClient,
  range: BlockRange,
  contracts: readonly string[],
  recipients?: readonly string[],
): Promise<TokenTransfer[]> {
  if (contracts.length === 0 || recipients?.length === 0) return [];
  const logs = await client.getLogs({
    address: contracts.map((c) => getAddress(c)),
    event: TRANSFER_EVENT,
    args: recipients ? { to: recipients.map((r) => getAddress(r)) } : undefined,
    fromBlock: range.from,
    toBlock: range.to,
    strict: true,
  });
  return logs
    .filter((log) => !log.removed && log.transactionHash && log.blockHash)
    .map((log) => ({
      txHash: log.transactionHash as string,
      blockNumber: log.blockNumber as bigint,
      blockHash: log.blockHash as string,
      logIndex: log.logIndex as number,
      contract: getAddress(log.address),
      from: getAddress(log.args.from),
      to: getAddress(log.args.to),
      value: log.args.value,
    }));
}

async function receiptOf(client: PublicClient, hash: Hex): Promise<TransactionReceipt | undefined> {
  try {
    const receipt = await client.getTransactionReceipt({ hash });
    return {
      txHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      blockHash: receipt.blockHash,
      status: receipt.status,
      gasUsed: receipt.gasUsed,
      effectiveGasPrice: receipt.effectiveGasPrice,
    };
  } catch (error) {
    if ((error as TransactionReceiptNotFoundError).name === "TransactionReceiptNotFoundError") {
      return undefined;
    }
    throw error;
  }
}

async function estimateFees(client: PublicClient): Promise<FeeEstimate> {
  const { maxFeePerGas, maxPriorityFeePerGas } = await client.estimateFeesPerGas({
    type: "eip1559",
    chain: null,
  });
  return { maxFeePerGas, maxPriorityFeePerGas };
}

/** True when two EVM addresses are the same account, whatever their letter case. */
export const sameAddress = (a: string, b: string): boolean =>
  isAddressEqual(a as Address, b as Address);
