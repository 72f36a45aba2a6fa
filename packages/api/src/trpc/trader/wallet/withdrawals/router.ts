import { router } from "../../../trpc";
import { addWithdrawalAddressProcedure } from "./add-withdrawal-address";
import { cancelWithdrawalProcedure } from "./cancel-withdrawal";
import { listWithdrawalAddressesProcedure } from "./list-withdrawal-addresses";
import { listWithdrawalsProcedure } from "./list-withdrawals";
import { removeWithdrawalAddressProcedure } from "./remove-withdrawal-address";
import { requestWithdrawalProcedure } from "./request-withdrawal";
import { withdrawalLimitsProcedure } from "./withdrawal-limits";
import { withdrawalQuoteProcedure } from "./withdrawal-quote";

/** A trader's withdrawals: fee quotes, limits, requests, cancels, history and the address book. */
export const withdrawalsRouter = router({
  quote: withdrawalQuoteProcedure,
  limits: withdrawalLimitsProcedure,
  request: requestWithdrawalProcedure,
  cancel: cancelWithdrawalProcedure,
  list: listWithdrawalsProcedure,
  addresses: router({
    list: listWithdrawalAddressesProcedure,
    add: addWithdrawalAddressProcedure,
    remove: removeWithdrawalAddressProcedure,
  }),
});
