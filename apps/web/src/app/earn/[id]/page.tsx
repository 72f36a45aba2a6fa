import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentTrader } from "@/auth";
import { SubscriptionDetailScreen } from "@/components/earn/subscription-detail";

export const metadata: Metadata = { title: "Savings" };

/** One of the trader's subscriptions: its schedule, and early redemption. */
export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent(`/earn/${id}`)}`);
  return <SubscriptionDetailScreen id={id} />;
}
