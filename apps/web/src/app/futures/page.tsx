import { redirect } from "next/navigation";
import { getServerQueryClient, serverApi } from "@/trpc/server";

/** `/futures` opens the first listed perpetual contract (the markets page when none is). */
export default async function FuturesIndexPage() {
  const contracts = await getServerQueryClient().fetchQuery(
    serverApi.futures.contracts.queryOptions(),
  );
  redirect(contracts[0] ? `/futures/${contracts[0].symbol}` : "/markets");
}
