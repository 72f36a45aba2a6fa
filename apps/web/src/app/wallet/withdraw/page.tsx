import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { StreamProvider } from "@/components/trade/stream-provider";
import { WalletLive } from "@/components/wallet/use-wallet-live";
import { WithdrawForm } from "@/components/wallet/withdraw-form";
import { WithdrawalHistory } from "@/components/wallet/withdrawal-history";
import { webEnv } from "@/env";

export async function generateMetadata() {
  const t = await getTranslations("wallet.withdraw");
  return { title: t("title") };
}

/** Send funds to an address outside the exchange, and follow the withdrawals already asked for. */
export default async function WithdrawPage({
  searchParams,
}: {
  searchParams: Promise<{ asset?: string | string[] }>;
}) {
  const { asset } = await searchParams;
  const initialAsset = typeof asset === "string" ? asset : undefined;
  const trader = await currentTrader();
  if (!trader) {
    const back = `/wallet/withdraw${initialAsset ? `?asset=${encodeURIComponent(initialAsset)}` : ""}`;
    redirect(`/login?next=${encodeURIComponent(back)}`);
  }
  const t = await getTranslations("wallet.withdraw");
  return (
    <StreamProvider url={webEnv().STREAM_PUBLIC_URL} authenticated>
      <WalletLive />
      <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="flex flex-col gap-6">
          <header className="flex flex-col gap-1">
            <Link
              href="/wallet"
              className="inline-flex min-h-10 items-center self-start text-xs text-ink-muted hover:text-ink sm:min-h-0"
            >
              {t("back")}
            </Link>
            <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
            <p className="text-[13px] text-ink-muted">{t("intro")}</p>
          </header>
          <section className="rounded-lg bg-surface p-5 ring-1 ring-line sm:p-6">
            <WithdrawForm {...(initialAsset ? { initialAsset } : {})} />
          </section>
        </div>
        <div className="lg:pt-[6.875rem]">
          <WithdrawalHistory />
        </div>
      </div>
    </StreamProvider>
  );
}
