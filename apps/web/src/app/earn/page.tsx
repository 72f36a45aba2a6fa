import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { EarnScreen } from "@/components/earn/earn-screen";
import { webEnv } from "@/env";

export async function generateMetadata() {
  const t = await getTranslations("earn");
  return { title: t("title") };
}

/** Public: anyone sees the offers; a logged-in trader subscribes and follows their savings. */
export default async function EarnPage() {
  const trader = await currentTrader();
  return <EarnScreen streamUrl={webEnv().STREAM_PUBLIC_URL} loggedIn={Boolean(trader)} />;
}
