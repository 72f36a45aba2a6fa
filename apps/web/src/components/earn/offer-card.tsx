import type { SavingsInstance } from "@exchange/contracts/savings";
import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { AssetIcon } from "@/components/markets/asset-icon";
import { formatAmount } from "@/components/trade/format";
import {
  earlyRedemptionWords,
  PAYOUT_PERIOD_WORDS,
  remainingPercent,
  termWords,
} from "./savings-words";

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
            {offer.name}
          </h3>
          <span className="text-xs text-ink-faint">
            {offer.asset} · {termWords(offer.termDays)}
          </span>
        </div>
        <div className="flex flex-col items-end">
          <span className="text-xl font-semibold text-up tabular-nums" data-testid="offer-rate">
            {offer.annualRatePercent}%
          </span>
          <span className="text-[11px] text-ink-faint">a year</span>
        </div>
      </header>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-[13px]">
        <dt className="text-ink-faint">Payout</dt>
        <dd className="text-right text-ink">{PAYOUT_PERIOD_WORDS[offer.payoutPeriod]}</dd>
        <dt className="text-ink-faint">Amount</dt>
        <dd className="text-right text-ink tabular-nums">
          {formatAmount(offer.minAmount)} – {formatAmount(offer.maxAmount)} {offer.asset}
        </dd>
        <dt className="text-ink-faint">Verification</dt>
        <dd className="text-right text-ink">
          {offer.kycLevel > 0 ? "Identity verified" : "None needed"}
        </dd>
        <dt className="text-ink-faint">Early redemption</dt>
        <dd className="text-right text-ink" data-testid="offer-early-redemption">
          {earlyRedemptionWords(offer.earlyRedemption, offer.penaltyRatePercent)}
        </dd>
      </dl>

      <div className="flex flex-col gap-1.5">
        <div className="flex justify-between text-xs">
          <span className="text-ink-faint">Left today</span>
          <span className="text-ink-muted tabular-nums" data-testid="offer-remaining">
            {formatAmount(offer.remaining)} of {formatAmount(offer.quota)} {offer.asset}
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={`${offer.name}: quota left today`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={left}
          aria-valuetext={`${left}% left`}
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
          {soldOut ? "Sold out today" : selected ? "Selected" : "Subscribe"}
        </button>
      ) : (
        <Link
          href={`/login?next=${encodeURIComponent("/earn")}`}
          className={`${buttonClasses("secondary", "md")} mt-auto w-full`}
        >
          Log in to subscribe
        </Link>
      )}
    </li>
  );
}
