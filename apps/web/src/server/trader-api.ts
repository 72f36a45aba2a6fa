import { createCallerFactory, traderRouter } from "@exchange/api";
import { headers } from "next/headers";
import { createTraderContext } from "./trpc-context";

const createCaller = createCallerFactory(traderRouter);

/** The trader API for server components: the same procedures and guards, in process. */
export async function traderApi() {
  return createCaller(await createTraderContext(await headers()));
}
