import { router } from "../../trpc";
import { getUserProfileProcedure } from "./get-user-profile";
import { searchUsersProcedure } from "./search-users";
import { suspendUserProcedure } from "./suspend-user";

export const usersAdminRouter = router({
  search: searchUsersProcedure,
  profile: getUserProfileProcedure,
  suspend: suspendUserProcedure,
});
