import { isContractSymbol } from "@exchange/contracts/market";
import { redirect } from "next/navigation";
import { getServerQueryClient, serverApi } from "@/trpc/server";

/** `/trade` opens the first listed spot market (perpetuals are on `/futures`). */
export default async function TradeIndexPage() {
  const markets = await getServerQueryClient().fetchQuery(serverApi.markets.list.queryOptions());
  const first = markets.find((market) => !isContractSymbol(market.symbol));
  redirect(first ? `/trade/${first.symbol}` : "/markets");
}
