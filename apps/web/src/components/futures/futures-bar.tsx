"use client";

import { formatRate } from "@exchange/contracts/money";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Figure, MarketBar } from "@/components/trade/market-bar";
import { useTrade } from "@/components/trade/trade-context";
import { useFutures } from "./futures-context";
import { countdown, pnlTone } from "./futures-math";

/** The market bar of a perpetual: the spot figures, then mark, index and funding. */
export function FuturesBar() {
  return (
    <MarketBar>
      <FundingFigures />
    </MarketBar>
  );
}

function FundingFigures() {
  const { format } = useTrade();
  const { mark } = useFutures();
  const t = useTranslations("futures.bar");
  const now = useNow();
  const tone = pnlTone(mark.fundingRate);
  return (
    <>
      <Figure label={t("mark")} testId="mark-price">
        {mark.markPrice ? format.price(mark.markPrice) : "—"}
      </Figure>
      <Figure label={t("index")} testId="index-price">
        {mark.indexPrice ? format.price(mark.indexPrice) : "—"}
      </Figure>
      <Figure
        label={t("funding")}
        testId="funding-rate"
        tone={tone === "up" ? "text-up" : tone === "down" ? "text-down" : "text-ink"}
      >
        {mark.fundingRate ? formatRate(mark.fundingRate, 4) : "—"}
      </Figure>
      <Figure label={t("nextFunding")} testId="funding-countdown">
        {mark.nextFundingTime !== null && now !== null ? countdown(mark.nextFundingTime, now) : "—"}
      </Figure>
    </>
  );
}

/** The time, each second (null until mounted: the server's time would not match the browser's). */
function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
