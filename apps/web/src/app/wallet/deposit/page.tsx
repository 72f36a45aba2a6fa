import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { DepositScreen } from "@/components/wallet/deposit-screen";
import { webEnv } from "@/env";

export async function generateMetadata() {
  const t = await getTranslations("wallet.deposit");
  return { title: t("title") };
}

interface DepositPageProps {
  searchParams: Promise<{ asset?: string | string[] }>;
}

/** Deposit an asset: its address on the chain, with QR code, minimum and confirmations. */
export default async function DepositPage({ searchParams }: DepositPageProps) {
  const { asset } = await searchParams;
  const code = (typeof asset === "string" ? asset : "ETH").toUpperCase().slice(0, 12);
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent(`/wallet/deposit?asset=${code}`)}`);
  return <DepositScreen key={code} streamUrl={webEnv().STREAM_PUBLIC_URL} asset={code} />;
}
