import { decimalText } from "@exchange/contracts/money";
import type { Store } from "../services";

/** Every asset with the chains that carry it (`assets` + `chain_assets`), code order. Read only. */
export async function findAssetNetworks(db: Store) {
  const rows = await db.asset.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      status: true,
      chainAssets: {
        orderBy: { chainKey: "asc" },
        select: {
          chainKey: true,
          kind: true,
          contractAddress: true,
          confirmations: true,
          enabled: true,
          minDeposit: true,
          minWithdrawal: true,
          withdrawalFeeFloor: true,
        },
      },
    },
  });
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    active: row.status === "ACTIVE",
    networks: row.chainAssets.map((network) => ({
      ...network,
      minDeposit: decimalText(network.minDeposit),
      minWithdrawal: decimalText(network.minWithdrawal),
      withdrawalFeeFloor: decimalText(network.withdrawalFeeFloor),
    })),
  }));
}
