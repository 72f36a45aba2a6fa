import { searchUsers } from "@exchange/domains/users/user-profiles";
import { sectionProcedure } from "../../trpc";
import { ZSearchUsersInput, ZSearchUsersOutput } from "./users.types";

/** Traders by email fragment or id. */
export const searchUsersProcedure = sectionProcedure("users")
  .input(ZSearchUsersInput)
  .output(ZSearchUsersOutput)
  .query(({ ctx, input }) => searchUsers(ctx.services, input.query));
