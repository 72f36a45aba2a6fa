import type { Metadata } from "next";
import { currentTrader } from "@/auth";
import { EarnScreen } from "@/components/earn/earn-screen";
import { webEnv } from "@/env";

export const metadata: Metadata = { title: "Earn" };

/** Public: anyone sees the offers; a logged-in trader subscribes and follows their savings. */
export default async function EarnPage() {
  const trader = await currentTrader();
  return <EarnScreen streamUrl={webEnv().STREAM_PUBLIC_URL} loggedIn={Boolean(trader)} />;
}
