"use client";

import type { SavingsInstance } from "@exchange/contracts/savings";

import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AssetIcon } from "@/components/markets/asset-icon";
import { useAmountText } from "@/components/wallet/amount-text";
import { remainingPercent } from "./savings-words";

/**
 * One open offer: the rate first, then the terms a subscriber weighs, today's quota left as a
 * bar, and the way in (subscribe, or log in first).
 */
export function OfferCard({
  offer,
  loggedIn,
  selected,
  onSubscribe,
}: {
  offer: SavingsInstance;
  loggedIn: boolean;
  selected: boolean;
  onSubscribe: () => void;
}) {
  const t = useTranslations("earn");
  const amount = useAmountText();
  const left = remainingPercent(offer.remaining, offer.quota);
  const soldOut = offer.remaining === "0";
  const titleId = `offer-${offer.id}-title`;
  return (
    <li
      aria-labelledby={titleId}
      data-testid="savings-offer"
      data-offer-id={offer.id}
      className={`flex min-w-0 flex-col gap-4 rounded-xl border bg-surface p-4 sm:p-5 ${
        selected ? "border-brand ring-1 ring-brand" : "border-line"
      }`}
    >
      <header className="flex items-start gap-3">
        <AssetIcon code={offer.asset} />
        <div className="flex min-w-0 flex-1 flex-col">
          <h3 id={titleId} className="truncate text-sm font-semibold text-ink">
            <span translate="no">{offer.name}</span>
          </h3>
          <span className="text-xs text-ink-muted">
            {offer.asset} · {t("term", { days: offer.termDays })}
          </span>
        </div>
        <div className="flex flex-col items-end">
          <span className="text-xl font-semibold text-up tabular-nums" data-testid="offer-rate">
            {offer.annualRatePercent}%
          </span>
          <span className="text-[11px] text-ink-muted">{t("offer.aYear")}</span>
        </div>
      </header>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-[13px]">
        <dt className="text-ink-muted">{t("offer.payout")}</dt>
        <dd className="text-right text-ink">{t(`payoutPeriod.${offer.payoutPeriod}`)}</dd>
        <dt className="text-ink-muted">{t("offer.amount")}</dt>
        <dd className="text-right text-ink tabular-nums" data-testid="offer-amount-range">
          {amount(offer.minAmount)} – {amount(offer.maxAmount)} {offer.asset}
        </dd>
        <dt className="text-ink-muted">{t("offer.verification")}</dt>
        <dd className="text-right text-ink">
          {offer.kycLevel > 0 ? t("offer.identityVerified") : t("offer.noneNeeded")}
        </dd>
        <dt className="text-ink-muted">{t("offer.earlyRedemption")}</dt>
        <dd className="text-right text-ink" data-testid="offer-early-redemption">
          {t(`earlyRedemption.${offer.earlyRedemption}`, { penalty: offer.penaltyRatePercent })}
        </dd>
      </dl>

      <div className="flex flex-col gap-1.5">
        <div className="flex justify-between text-xs">
          <span className="text-ink-muted">{t("offer.leftToday")}</span>
          <span className="text-ink-muted tabular-nums" data-testid="offer-remaining">
            {t("offer.leftOf", {
              left: amount(offer.remaining),
              quota: amount(offer.quota),
              asset: offer.asset,
            })}
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={t("offer.quotaLabel", { name: offer.name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={left}
          aria-valuetext={t("offer.quotaValue", { percent: left })}
          className="h-1.5 overflow-hidden rounded-full bg-raised"
        >
          <div className="h-full rounded-full bg-brand" style={{ width: `${left}%` }} />
        </div>
      </div>

      {loggedIn ? (
        <button
          type="button"
          onClick={onSubscribe}
          disabled={soldOut}
          aria-pressed={selected}
          className={`${buttonClasses(selected ? "secondary" : "primary", "md")} mt-auto w-full`}
        >
          {soldOut ? t("offer.soldOut") : selected ? t("offer.selected") : t("offer.subscribe")}
        </button>
      ) : (
        <Link
          href={`/login?next=${encodeURIComponent("/earn")}`}
          className={`${buttonClasses("secondary", "md")} mt-auto w-full`}
        >
          {t("offer.logInToSubscribe")}
        </Link>
      )}
    </li>
  );
}
