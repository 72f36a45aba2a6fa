import { router } from "../../trpc";
import { getUserProfileProcedure } from "./get-user-profile";
import { listUserApiKeysProcedure } from "./list-user-api-keys";
import { revokeUserApiKeyProcedure } from "./revoke-user-api-key";
import { searchUsersProcedure } from "./search-users";
import { suspendUserProcedure } from "./suspend-user";

export const usersAdminRouter = router({
  search: searchUsersProcedure,
  profile: getUserProfileProcedure,
  suspend: suspendUserProcedure,
  apiKeys: router({ list: listUserApiKeysProcedure, revoke: revokeUserApiKeyProcedure }),
});
