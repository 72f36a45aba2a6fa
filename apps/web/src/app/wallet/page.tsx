import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { WalletScreen } from "@/components/wallet/wallet-screen";
import { webEnv } from "@/env";

export const metadata: Metadata = { title: "Wallet" };

/** The trader's funds: balances per asset, deposits and withdrawals with their live states. */
export default async function WalletPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/wallet")}`);
  return <WalletScreen streamUrl={webEnv().STREAM_PUBLIC_URL} />;
}
