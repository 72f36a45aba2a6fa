import { registerUser } from "../../services/users";
import { publicProcedure } from "../../trpc";
import { ZRegisterInput, ZRegisterOutput } from "./register.types";

/** Creates a trader account. The web app then logs the new user in with the same credentials. */
export const registerProcedure = publicProcedure
  .input(ZRegisterInput)
  .output(ZRegisterOutput)
  .mutation(async ({ ctx, input }) => {
    const user = await registerUser(ctx.services.db, input);
    return { id: user.id, email: user.email };
  });
