import { router } from "../../../trpc";
import { depositAddressProcedure } from "./deposit-address";
import { depositAssetsProcedure } from "./deposit-assets";
import { listDepositsProcedure } from "./list-deposits";

/** A trader's deposits: the deposit address of each asset, and the deposits found on chain. */
export const depositsRouter = router({
  assets: depositAssetsProcedure,
  address: depositAddressProcedure,
  list: listDepositsProcedure,
});
