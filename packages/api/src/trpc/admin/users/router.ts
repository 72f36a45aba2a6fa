import { router } from "../../trpc";
import { getUserProfileProcedure } from "./get-user-profile";
import { getUserTimelineProcedure } from "./get-user-timeline";
import { liftUserRestrictionProcedure } from "./lift-user-restriction";
import { listUserApiKeysProcedure } from "./list-user-api-keys";
import { listUserRestrictionsProcedure } from "./list-user-restrictions";
import { revokeUserApiKeyProcedure } from "./revoke-user-api-key";
import { searchUsersProcedure } from "./search-users";
import { setUserRestrictionProcedure } from "./set-user-restriction";
import { suspendUserProcedure } from "./suspend-user";

export const usersAdminRouter = router({
  search: searchUsersProcedure,
  profile: getUserProfileProcedure,
  suspend: suspendUserProcedure,
  timeline: getUserTimelineProcedure,
  apiKeys: router({ list: listUserApiKeysProcedure, revoke: revokeUserApiKeyProcedure }),
  restrictions: router({
    list: listUserRestrictionsProcedure,
    set: setUserRestrictionProcedure,
    lift: liftUserRestrictionProcedure,
  }),
});
