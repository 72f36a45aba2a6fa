import { router } from "../../../trpc";
import { depositAddressProcedure } from "./deposit-address";
import { listDepositsProcedure } from "./list-deposits";

/** A trader's deposits: the deposit address of each asset, and the deposits found on chain. */
export const depositsRouter = router({
  address: depositAddressProcedure,
  list: listDepositsProcedure,
});
