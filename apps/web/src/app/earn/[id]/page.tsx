import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { SubscriptionDetailScreen } from "@/components/earn/subscription-detail";

export async function generateMetadata() {
  const t = await getTranslations("earn.detail");
  return { title: t("pageTitle") };
}

/** One of the trader's subscriptions: its schedule, and early redemption. */
export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent(`/earn/${id}`)}`);
  return <SubscriptionDetailScreen id={id} />;
}
