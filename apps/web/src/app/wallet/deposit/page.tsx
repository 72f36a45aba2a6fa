import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { DepositScreen } from "@/components/wallet/deposit-screen";
import { webEnv } from "@/env";

export const metadata: Metadata = { title: "Deposit" };

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
