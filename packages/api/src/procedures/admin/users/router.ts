import { router } from "../../../trpc";
import { getUserProfileProcedure } from "./get-user-profile";
import { searchUsersProcedure } from "./search-users";

export const usersAdminRouter = router({
  search: searchUsersProcedure,
  profile: getUserProfileProcedure,
});
