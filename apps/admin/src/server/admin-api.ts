import { adminRouter, createCallerFactory } from "@exchange/api";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { createAdminContext } from "./trpc-context";

const createCaller = createCallerFactory(adminRouter);

/** The admin API for server components: the same procedures and role checks, in process. */
export async function adminApi() {
  return createCaller(await createAdminContext(await headers()));
}

/**
 * Runs a server-side API call for a page, turning the API's refusals into the page's answers:
 * no session → log in, wrong role → 403. Anything else is a real error for error.tsx.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/login");
    if (error instanceof TRPCError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
