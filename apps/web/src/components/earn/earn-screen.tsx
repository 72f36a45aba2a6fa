"use client";

import type { SavingsInstance } from "@exchange/contracts/savings";
import { buttonClasses } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { StreamProvider } from "@/components/trade/stream-provider";
import { useAccountLive } from "@/components/trade/use-account-live";
import { PanelError, PanelLoading, TOUCH } from "@/components/wallet/panel-states";
import { WalletCard } from "@/components/wallet/wallet-card";
import { useTRPC } from "@/trpc/react";
import { MySavings } from "./my-savings";
import { OfferCard } from "./offer-card";
import { nextSavingsDay } from "./savings-words";
import { SubscribePanel } from "./subscribe-panel";

/** Offers are re-read this often: the quota left changes as others subscribe. */
const OFFERS_POLL_MS = 15_000;

/**
 * The Earn page: today's open savings offers, a subscribe panel for the chosen one, and the
 * trader's own subscriptions. A visitor who is not logged in sees the offers and a way to log in.
 */
export function EarnScreen({ streamUrl, loggedIn }: { streamUrl: string; loggedIn: boolean }) {
  const t = useTranslations("earn");
  return (
    <StreamProvider url={streamUrl} authenticated={loggedIn}>
      <AccountLive enabled={loggedIn} />
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6">
        <header className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-[13px] text-ink-muted">{t("intro")}</p>
        </header>
        <Offers loggedIn={loggedIn} />
        {loggedIn ? (
          <div id="my-savings" className="scroll-mt-20">
            <WalletCard title={t("mySavings.title")} testId="my-savings">
              <MySavings />
            </WalletCard>
          </div>
        ) : (
          <section
            aria-label={t("logIn.region")}
            className="flex flex-col items-start gap-3 rounded-xl border border-line bg-surface p-4 sm:flex-row sm:items-center sm:justify-between sm:p-6"
          >
            <p className="text-[13px] text-ink-muted">{t("logIn.prompt")}</p>
            <div className="flex gap-2">
              <Link
                href={`/login?next=${encodeURIComponent("/earn")}`}
                className={`${buttonClasses("primary", "sm")} ${TOUCH}`}
              >
                {t("logIn.logIn")}
              </Link>
              <Link href="/register" className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}>
                {t("logIn.signUp")}
              </Link>
            </div>
          </section>
        )}
      </div>
    </StreamProvider>
  );
}

function AccountLive({ enabled }: { enabled: boolean }) {
  useAccountLive(enabled);
  return null;
}

function Offers({ loggedIn }: { loggedIn: boolean }) {
  const t = useTranslations("earn.offers");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const trpc = useTRPC();
  const offers = useQuery({
    ...trpc.savings.offers.queryOptions(),
    refetchInterval: OFFERS_POLL_MS,
  });
  const [chosenId, setChosenId] = useState<number>();
  const panel = useRef<HTMLDivElement>(null);
  const chosen: SavingsInstance | undefined = offers.data?.find((o) => o.id === chosenId);

  useEffect(() => {
    if (chosenId !== undefined)
      panel.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [chosenId]);

  if (offers.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (offers.isError) {
    return <PanelError error={offers.error} onRetry={() => void offers.refetch()} />;
  }
  if (offers.data.length === 0) {
    // New offers open when a savings day begins (00:00 UTC): said in the viewer's own zone.
    const opens = format.dateTime(nextSavingsDay(now), {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    return (
      <p
        className="rounded-xl border border-line bg-surface p-6 text-[13px] text-ink-muted"
        data-testid="no-offers"
      >
        {t("empty", { time: opens })}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <section aria-label={t("region")}>
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {offers.data.map((offer) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              loggedIn={loggedIn}
              selected={offer.id === chosenId}
              onSubscribe={() => setChosenId(offer.id)}
            />
          ))}
        </ul>
      </section>
      <div ref={panel} className="scroll-mt-20">
        {loggedIn && chosen ? (
          <SubscribePanel key={chosen.id} offer={chosen} onClose={() => setChosenId(undefined)} />
        ) : null}
      </div>
    </div>
  );
}
