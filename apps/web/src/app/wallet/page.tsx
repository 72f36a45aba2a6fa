import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { WalletScreen } from "@/components/wallet/wallet-screen";
import { webEnv } from "@/env";

export async function generateMetadata() {
  const t = await getTranslations("wallet");
  return { title: t("title") };
}

/** The trader's funds: balances per asset, deposits and withdrawals with their live states. */
export default async function WalletPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/wallet")}`);
  return <WalletScreen streamUrl={webEnv().STREAM_PUBLIC_URL} />;
}
