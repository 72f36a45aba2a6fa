import {
  type Address,
  createPublicClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  parseAbi,
} from "viem";

/** Hardhat's chain id: the faucet works there and nowhere else. */
export const LOCAL_CHAIN_ID = 31_337;

const TOKEN_ABI = parseAbi([
  "function mint(address to, uint256 value)",
  "function decimals() view returns (uint8)",
]);

export interface LocalFunds {
  rpcUrl: string;
  to: string;
  /** In the asset's smallest units (wei, or the token's units). */
  amountUnits: bigint;
  /** The test token to mint; absent for the chain's coin (ETH). */
  token?: string;
}

/**
 * Test funds on the local development chain, the way a user's wallet would send them: coin from
 * the node's first unlocked account (the node signs, so no key is in this code), the test token
 * by its open `mint`. Refuses any chain but the local node, so it can never spend real money.
 * Resolves the transaction's hash once it is mined.
 */
export async function fundOnLocalChain(funds: LocalFunds): Promise<Hex> {
  if (funds.amountUnits <= 0n) throw new Error("the amount must be positive");
  const transport = http(funds.rpcUrl);
  const publicClient = createPublicClient({ transport });
  const chainId = await publicClient.getChainId();
  if (chainId !== LOCAL_CHAIN_ID) {
    throw new Error(`chain ${chainId} is not the local node (${LOCAL_CHAIN_ID}): no test funds`);
  }
  const [funder] = await createWalletClient({ transport }).getAddresses();
  if (!funder) throw new Error("the local node has no unlocked account");
  const wallet = createWalletClient({ account: funder, transport });
  const to = getAddress(funds.to);
  const hash = funds.token
    ? await wallet.writeContract({
        address: getAddress(funds.token),
        abi: TOKEN_ABI,
        functionName: "mint",
        args: [to, funds.amountUnits],
        chain: null,
      })
    : await wallet.sendTransaction({ to, value: funds.amountUnits, chain: null });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  if (receipt.status !== "success") throw new Error(`funding transaction ${hash} reverted`);
  return hash;
}

/** The token's decimals as the contract states them. */
export function tokenDecimals(rpcUrl: string, token: string): Promise<number> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  return client.readContract({
    address: getAddress(token) as Address,
    abi: TOKEN_ABI,
    functionName: "decimals",
  });
}
