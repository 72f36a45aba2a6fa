/**
 * Records the local chain node's token in a seeded database (`chain_assets`). Apart from
 * chain-node.ts so that starting a node needs no database: a test may start a private node
 * without reaching the Prisma client.
 */
import { createDb } from "@exchange/db";
import { recordTokenContract } from "@exchange/domains/wallet/chain-asset-repository";
import { type ChainNode, LOCAL_CHAIN_KEY, TOKEN_ASSET } from "./chain-node";

/** Writes the node's token address into `chain_assets` of a seeded database. */
export async function recordChainToken(databaseUrl: string, node: ChainNode): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    await recordTokenContract(db, {
      chainKey: LOCAL_CHAIN_KEY,
      assetCode: TOKEN_ASSET,
      contractAddress: node.tokenAddress,
    });
  } finally {
    await db.$disconnect();
  }
}
