import { buttonClasses } from "@exchange/ui";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { currentTrader } from "@/auth";
import { LandingMarkets } from "@/components/landing/landing-markets";
import { webEnv } from "@/env";
import { getServerQueryClient, serverApi } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing.meta");
  // The front page carries the site's name alone, not "… · Exchange".
  return { title: { absolute: t("title") } };
}

const STEPS = ["register", "verify", "deposit", "trade"] as const;
const SECURITY = ["twoFactor", "sessions", "withdrawals", "reconciled"] as const;

/**
 * The front door: what the venue offers, its markets with live prices, what it takes to start,
 * savings and security. Rendered on the server with the markets already read, so it is complete
 * before any script runs; the board then keeps its prices fresh in the browser.
 */
export default async function HomePage() {
  const t = await getTranslations("landing");
  const trader = await currentTrader();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverApi.markets.list.queryOptions()),
    queryClient.prefetchQuery(serverApi.marketData.tickers.queryOptions()),
  ]);

  return (
    <div className="flex flex-col">
      <section className="border-b border-line bg-[radial-gradient(ellipse_at_top_left,color-mix(in_oklab,var(--color-brand)_14%,transparent),transparent_60%)]">
        <div className="mx-auto grid w-full max-w-7xl items-center gap-10 px-4 py-12 sm:px-6 md:py-20 lg:grid-cols-[1.1fr_1fr]">
          <div className="flex flex-col gap-6">
            <p className="text-[13px] font-medium tracking-wide text-brand">{t("hero.eyebrow")}</p>
            <h1 className="text-3xl leading-tight font-semibold tracking-tight text-balance sm:text-5xl">
              {t("hero.title")}
            </h1>
            <p className="max-w-xl text-[15px] leading-relaxed text-ink-muted">
              {t("hero.subtitle")}
            </p>
            <div className="flex flex-wrap gap-3">
              {trader ? (
                <>
                  <Link href="/trade" className={`${buttonClasses("primary", "md")} px-6`}>
                    {t("cta.trade")}
                  </Link>
                  <Link
                    href="/wallet/deposit"
                    className={`${buttonClasses("secondary", "md")} px-6`}
                  >
                    {t("cta.deposit")}
                  </Link>
                </>
              ) : (
                <>
                  <Link href="/register" className={`${buttonClasses("primary", "md")} px-6`}>
                    {t("cta.signUp")}
                  </Link>
                  <Link href="/login" className={`${buttonClasses("secondary", "md")} px-6`}>
                    {t("cta.logIn")}
                  </Link>
                </>
              )}
            </div>
          </div>
          <HydrationBoundary state={dehydrate(queryClient)}>
            <LandingMarkets streamUrl={webEnv().STREAM_PUBLIC_URL} />
          </HydrationBoundary>
        </div>
      </section>

      <Section id="steps" title={t("steps.title")} intro={t("steps.intro")}>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, index) => (
            <li
              key={step}
              data-testid="landing-step"
              className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-5"
            >
              <span
                aria-hidden="true"
                className="grid size-9 place-items-center rounded-full bg-brand/15 text-sm font-semibold text-brand tabular-nums ring-1 ring-brand/30"
              >
                {index + 1}
              </span>
              <h3 className="text-[15px] font-semibold">
                <span className="sr-only">{t("steps.number", { number: String(index + 1) })} </span>
                {t(`steps.${step}.title`)}
              </h3>
              <p className="text-[13px] leading-relaxed text-ink-muted">
                {t(`steps.${step}.body`)}
              </p>
            </li>
          ))}
        </ol>
      </Section>

      <div className="mx-auto grid w-full max-w-7xl gap-6 px-4 pb-16 sm:px-6 lg:grid-cols-[1fr_1.4fr]">
        <section
          aria-labelledby="landing-earn"
          className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-6"
        >
          <Icon path="M12 3v18M7 8.5C7 6.6 9.2 5.5 12 5.5s5 1.1 5 3-2.2 2.7-5 3.5-5 1.6-5 3.5 2.2 3 5 3 5-1.1 5-3" />
          <h2 id="landing-earn" className="text-xl font-semibold tracking-tight">
            {t("earn.title")}
          </h2>
          <p className="text-[13px] leading-relaxed text-ink-muted">{t("earn.body")}</p>
          <ul className="flex flex-col gap-2 text-[13px]">
            {(["terms", "schedule", "redeem"] as const).map((point) => (
              <li key={point} className="flex gap-2">
                <Check />
                {t(`earn.points.${point}`)}
              </li>
            ))}
          </ul>
          <Link href="/earn" className={`${buttonClasses("secondary", "md")} mt-auto self-start`}>
            {t("earn.cta")}
          </Link>
        </section>
        <section
          aria-labelledby="landing-security"
          className="flex flex-col gap-5 rounded-xl border border-line bg-surface p-6"
        >
          <Icon path="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Zm-3 9 2 2 4-4" />
          <h2 id="landing-security" className="text-xl font-semibold tracking-tight">
            {t("security.title")}
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2">
            {SECURITY.map((point) => (
              <div key={point} className="flex flex-col gap-1">
                <dt className="text-sm font-semibold">{t(`security.${point}.title`)}</dt>
                <dd className="text-[13px] leading-relaxed text-ink-muted">
                  {t(`security.${point}.body`)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      {trader ? null : (
        <section aria-labelledby="landing-start" className="border-t border-line bg-surface">
          <div className="mx-auto flex w-full max-w-7xl flex-col items-start gap-4 px-4 py-12 sm:px-6 md:flex-row md:items-center md:justify-between">
            <div className="flex flex-col gap-1">
              <h2 id="landing-start" className="text-xl font-semibold tracking-tight">
                {t("start.title")}
              </h2>
              <p className="text-[13px] text-ink-muted">{t("start.body")}</p>
            </div>
            <div className="flex flex-wrap gap-3">
              <Link href="/register" className={`${buttonClasses("primary", "md")} px-6`}>
                {t("start.signUp")}
              </Link>
              <Link href="/markets" className={`${buttonClasses("secondary", "md")} px-6`}>
                {t("start.markets")}
              </Link>
            </div>
          </div>
        </section>
      )}
    </div>
  );
}

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`landing-${id}`}
      className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-14 sm:px-6"
    >
      <div className="flex flex-col gap-2">
        <h2 id={`landing-${id}`} className="text-2xl font-semibold tracking-tight">
          {title}
        </h2>
        <p className="max-w-2xl text-[13px] leading-relaxed text-ink-muted">{intro}</p>
      </div>
      {children}
    </section>
  );
}

function Icon({ path }: { path: string }) {
  return (
    <span className="grid size-10 place-items-center rounded-lg bg-brand/15 text-brand ring-1 ring-brand/30">
      <svg
        viewBox="0 0 24 24"
        aria-hidden="true"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={path} />
      </svg>
    </span>
  );
}

function Check() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-0.5 size-4 shrink-0 fill-up">
      <path d="M8.2 13.6 4.9 10.3l-1.1 1.1 4.4 4.4 8-8-1.1-1.1z" />
    </svg>
  );
}
