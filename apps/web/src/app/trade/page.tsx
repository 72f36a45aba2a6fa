import { redirect } from "next/navigation";
import { getServerQueryClient, serverApi } from "@/trpc/server";

/** `/trade` opens the first listed market. */
export default async function TradeIndexPage() {
  const markets = await getServerQueryClient().fetchQuery(serverApi.markets.list.queryOptions());
  redirect(markets[0] ? `/trade/${markets[0].symbol}` : "/markets");
}
