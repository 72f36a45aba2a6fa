import type { MarketDto } from "@exchange/api/client";
import { decimalsOf, groupThousands, toFixedDown, trimZeros } from "@exchange/contracts/money";
import { FORMATS } from "@exchange/ui/i18n";

/** How a market's numbers are shown: prices to its tick, quantities to its lot. */
export interface MarketFormat {
  symbol: string;
  base: string;
  quote: string;
  /** "BTC/USDT" */
  pair: string;
  priceDecimals: number;
  qtyDecimals: number;
  price(value: string): string;
  quantity(value: string): string;
  /** A quote amount (an order's value) to the price's decimals. */
  total(value: string): string;
}

export function marketFormat(market: MarketDto): MarketFormat {
  const priceDecimals = decimalsOf(market.priceTick);
  const qtyDecimals = decimalsOf(market.lotSize);
  return {
    symbol: market.symbol,
    base: market.baseAsset,
    quote: market.quoteAsset,
    pair: `${market.baseAsset}/${market.quoteAsset}`,
    priceDecimals,
    qtyDecimals,
    price: (value) => groupThousands(toFixedDown(value, priceDecimals)),
    quantity: (value) => groupThousands(toFixedDown(value, qtyDecimals)),
    total: (value) => groupThousands(toFixedDown(value, priceDecimals)),
  };
}

/** An asset amount: every significant decimal, grouped ("12,345.0001"). */
export function formatAmount(value: string): string {
  return groupThousands(trimZeros(value));
}

/** A 24 h volume: grouped, two decimals. */
export function formatVolume(value: string): string {
  return groupThousands(toFixedDown(value, 2));
}

/**
 * "+1.25%" / "-0.40%" from the ticker's changePercent ("1.25", "-0.40"). The sign follows the
 * price change itself, so a fall too small to show in two decimals reads "-0.00%", not "+0.00%".
 */
export function formatPercent(value: string | null, change: string | null): string {
  if (value === null) return "—";
  const magnitude = value.replace(/^[-+]/, "");
  return `${direction(change) === "down" ? "-" : "+"}${magnitude}%`;
}

/** Up, down or flat, from a signed decimal string. */
export function direction(value: string | null | undefined): "up" | "down" | "flat" {
  if (!value || /^-?0*(\.0*)?$/.test(value)) return "flat";
  return value.startsWith("-") ? "down" : "up";
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** "2026-11-20 14:03:27"-like, in the browser's locale and time zone (the wallet's lists). */
export const formatDateTime = (at: Date): string => dateTime.format(at);

/**
 * The chart's time labels in the viewer's language and zone (the chart itself counts UTC
 * seconds): the axis shows the hour, or the day at midnight; the crosshair the full moment.
 */
export function chartTimes(locale: string, timeZone: string) {
  const hourMinute = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short" });
  // The chart formats outside React: the app's named format, applied by hand.
  const full = new Intl.DateTimeFormat(locale, { timeZone, ...FORMATS.dateTime.dateTime });
  const midnight = (at: Date) => {
    const parts = hourMinute.formatToParts(at);
    const value = (type: string) => parts.find((part) => part.type === type)?.value;
    return value("hour") === "00" && value("minute") === "00";
  };
  return {
    tickMark(time: number): string {
      const at = new Date(time * 1000);
      return midnight(at) ? dayMonth.format(at) : hourMinute.format(at);
    },
    crosshair: (time: number): string => full.format(new Date(time * 1000)),
  };
}
