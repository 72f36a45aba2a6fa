import { formatUnits } from "@exchange/contracts/money";
import type { Services } from "../services";
import { type FeeIncomeInput, type FeeIncomeRow, startOfDay } from "./fee-contracts";
import { findAssetPrecisions, findFeeIncome } from "./fee-repository";

const DAY_MS = 86_400_000;

/**
 * Finance's and operations' fee income per UTC day and market, from the trades read model: the
 * fees makers and takers paid in each asset, the rebates paid to makers (out of the fee
 * account), and the net. Fees include the atom each was rounded up by (the "rounding" account).
 */
export async function feeIncomeReport(
  services: Pick<Services, "db">,
  input: FeeIncomeInput,
): Promise<FeeIncomeRow[]> {
  const [records, precisions] = await Promise.all([
    findFeeIncome(services.db, {
      from: startOfDay(input.from),
      to: new Date(startOfDay(input.to).getTime() + DAY_MS),
    }),
    findAssetPrecisions(services.db),
  ]);
  return records.map((record) => {
    const amount = (atoms: bigint) => formatUnits(atoms, precisions.get(record.asset) ?? 0);
    return {
      day: record.day,
      symbol: record.symbol,
      asset: record.asset,
      makerFees: amount(record.makerFeesAtoms),
      takerFees: amount(record.takerFeesAtoms),
      rebates: amount(record.rebatesAtoms),
      net: amount(record.makerFeesAtoms + record.takerFeesAtoms - record.rebatesAtoms),
      trades: record.trades,
    };
  });
}
