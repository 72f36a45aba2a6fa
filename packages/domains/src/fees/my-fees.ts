import { formatUnits } from "@exchange/contracts/money";
import type { Services } from "../services";
import type { MyFeesOutput } from "./fee-contracts";
import {
  findAssetPrecisions,
  findMarketRates,
  findSchedule,
  findUserFeeTier,
  findVolumes,
} from "./fee-repository";
import {
  effectiveRatePercent,
  FULL_SCALE_PPM,
  nextTierAfter,
  percentOfScale,
  VOLUME_ASSET,
  VOLUME_WINDOW_DAYS,
} from "./fee-schedule";

const DAY_MS = 86_400_000;

/**
 * A trader's fees: the tier the engine charges them by (tier 0 until the daily job or
 * operations move them), each market's maker and taker rates at that tier, their traded volume
 * of the last 30 days up to now, and the volume the next tier needs.
 */
export async function myFees(
  services: Pick<Services, "db" | "clock">,
  userId: number,
): Promise<MyFeesOutput> {
  const now = services.clock.now();
  const [row, schedule, markets, precisions, volumes] = await Promise.all([
    findUserFeeTier(services.db, userId),
    findSchedule(services.db),
    findMarketRates(services.db),
    findAssetPrecisions(services.db),
    findVolumes(services.db, {
      from: new Date(now - VOLUME_WINDOW_DAYS * DAY_MS),
      to: new Date(now + 1),
      asset: VOLUME_ASSET,
      userId,
    }),
  ]);
  const precision = precisions.get(VOLUME_ASSET) ?? 6;
  const tierNumber = row?.tier ?? 0;
  const tier = schedule.find((t) => t.tier === tierNumber) ?? {
    makerScalePpm: FULL_SCALE_PPM,
    takerScalePpm: FULL_SCALE_PPM,
  };
  const next = nextTierAfter(schedule, tierNumber);
  return {
    tier: tierNumber,
    overridden: row?.overrideTier != null,
    volumeAsset: VOLUME_ASSET,
    windowDays: VOLUME_WINDOW_DAYS,
    volume: formatUnits(volumes.get(userId) ?? 0n, precision),
    makerScalePercent: percentOfScale(tier.makerScalePpm),
    takerScalePercent: percentOfScale(tier.takerScalePpm),
    nextTier:
      next === null
        ? null
        : {
            tier: next.tier,
            minVolume: formatUnits(next.minVolumeAtoms, precision),
            makerScalePercent: percentOfScale(next.makerScalePpm),
            takerScalePercent: percentOfScale(next.takerScalePpm),
          },
    markets: markets.map((market) => ({
      symbol: market.symbol,
      makerRatePercent: effectiveRatePercent(market.makerFeeRate, tier.makerScalePpm),
      takerRatePercent: effectiveRatePercent(market.takerFeeRate, tier.takerScalePpm),
    })),
  };
}
