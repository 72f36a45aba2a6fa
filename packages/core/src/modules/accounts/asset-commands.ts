import type { CoreState, Rejection } from "../../core-state";
import { reject } from "../../core-state";
import type { CoreEvent } from "../../events";
import { isWithinCeiling, LEGACY_LIMITS, MAX_UNITS } from "../../limits";
import { Asset } from "../../model";
import { RejectCode } from "../../reject-code";
import { MAX_PRECISION } from "../../units";
import type { AddAssetCommand } from "./commands";

/**
 * Assets are the accounts module's reference data: every balance, posting and system account
 * is per asset, and every trading module (spot now; lending and derivatives later) builds on
 * them, so they live with the ledger rather than with any one market type.
 */

const CODE_PATTERN = /^[A-Z0-9]{1,16}$/;

export function addAsset(s: CoreState, c: AddAssetCommand, events: CoreEvent[]): Rejection | null {
  if (typeof c.code !== "string" || !CODE_PATTERN.test(c.code)) {
    return reject(RejectCode.InvalidAssetConfig, "asset code must be 1-16 of A-Z and 0-9");
  }
  if (!Number.isInteger(c.precision) || c.precision < 0 || c.precision > MAX_PRECISION) {
    return reject(
      RejectCode.InvalidAssetConfig,
      `asset precision must be an integer in 0..${MAX_PRECISION}`,
    );
  }
  const maxAmountAtoms = c.maxAmountAtoms ?? LEGACY_LIMITS.maxAmountAtoms;
  if (!isWithinCeiling(maxAmountAtoms)) {
    return reject(
      RejectCode.InvalidAssetConfig,
      `asset maximum amount must be a bigint in 1..${MAX_UNITS} atoms`,
    );
  }
  if (s.assets.has(c.code)) return reject(RejectCode.AssetExists, `asset ${c.code} exists`);
  const asset = new Asset(c.code, c.precision, maxAmountAtoms, s.assetList.length);
  s.assets.set(asset.code, asset);
  s.assetList.push(asset);
  events.push({
    type: "asset.added",
    code: asset.code,
    precision: asset.precision,
    maxAmountAtoms: asset.maxAmountAtoms,
  });
  return null;
}
