import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { LoansScreen } from "@/components/loans/loans-screen";

export async function generateMetadata() {
  const t = await getTranslations("loans");
  return { title: t("title") };
}

/** Borrowing against crypto: a trader's page (a visitor is sent to log in first). */
export default async function LoansPage() {
  const trader = await currentTrader();
  if (!trader) redirect(`/login?next=${encodeURIComponent("/loans")}`);
  return <LoansScreen />;
}
