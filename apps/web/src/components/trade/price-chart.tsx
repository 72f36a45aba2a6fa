"use client";

import { channels } from "@exchange/contracts/channels";
import { KLINE_INTERVALS, type KlineInterval } from "@exchange/contracts/kline";
import { compare, decimal } from "@exchange/contracts/money";
import { useTimeZoneLabel } from "@exchange/ui/i18n";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AutoscaleInfo,
  type CandlestickData,
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  createChart,
  type HistogramData,
  HistogramSeries,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  LineStyle,
  type UTCTimestamp,
} from "lightweight-charts";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { parsePush } from "@/lib/stream/messages";
import { useTRPC } from "@/trpc/react";
import { chartTimes, formatVolume, type MarketFormat } from "./format";
import { type KlineDto, klinesQuery } from "./market-data-api";
import { Panel, PanelError, PanelMessage } from "./panel";
import { useChannel, useOnReconnect } from "./stream-provider";
import { useTrade } from "./trade-context";
import { useFallbackPolling } from "./use-market-data";

/** The palette of packages/ui/src/styles.css (canvas drawing cannot read CSS variables). */
const COLORS = {
  surface: "#12161c",
  grid: "#1a1f27",
  line: "#222831",
  text: "#9aa3ae",
  up: "#2ebd85",
  down: "#f6465d",
  upVolume: "rgba(46, 189, 133, 0.35)",
  downVolume: "rgba(246, 70, 93, 0.35)",
  mark: "#f0b90b",
} as const;

const INTERVAL_STORAGE_KEY = "exchange.chart.interval";

/**
 * A candle for the chart. A canvas chart plots floating-point coordinates, so this is the one
 * place prices become numbers: for drawing only. The figures a trader reads as text (the OHLCV
 * legend) are formatted from the decimal strings; the axis labels are coordinates of the plot.
 */
interface Bar {
  time: UTCTimestamp;
  candle: CandlestickData<UTCTimestamp>;
  volume: HistogramData<UTCTimestamp>;
  source: Pick<KlineDto, "open" | "high" | "low" | "close" | "volume">;
}

function barOf(
  kline: Pick<KlineDto, "open" | "high" | "low" | "close" | "volume"> & { openTime: Date },
): Bar {
  const time = Math.floor(kline.openTime.getTime() / 1000) as UTCTimestamp;
  const up = compare(decimal(kline.close), decimal(kline.open)) >= 0;
  return {
    time,
    candle: {
      time,
      open: Number(kline.open),
      high: Number(kline.high),
      low: Number(kline.low),
      close: Number(kline.close),
    },
    volume: {
      time,
      value: Number(kline.volume),
      color: up ? COLORS.upVolume : COLORS.downVolume,
    },
    source: kline,
  };
}

/**
 * Candlesticks with volume; the latest candle moves with every trade (`@kline_<interval>`). A
 * perpetual's screen passes its live mark price, drawn as a dashed line across the candles
 * (liquidations follow the mark, not the last trade).
 */
export default function PriceChart({ markPrice }: { markPrice?: string | null } = {}) {
  const { market, format } = useTrade();
  const t = useTranslations("trade.chart");
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const zone = useTimeZoneLabel();
  const [interval, setChartInterval] = useState<KlineInterval>(() => storedInterval());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const klinesOptions = klinesQuery(trpc, market.symbol, interval);
  const klines = useQuery({
    ...klinesOptions,
    refetchInterval: useFallbackPolling() && 10_000,
  });

  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const candlesRef = useRef<ISeriesApi<"Candlestick"> | null>(null);
  const volumeRef = useRef<ISeriesApi<"Histogram"> | null>(null);
  const lastBarRef = useRef<Bar | null>(null);
  const barsByTime = useRef(new Map<UTCTimestamp, Bar>());
  const [legend, setLegend] = useState<Bar["source"] | null>(null);
  const markLineRef = useRef<IPriceLine | null>(null);
  const markRef = useRef({ price: markPrice ?? null, title: t("mark") });
  markRef.current = { price: markPrice ?? null, title: t("mark") };

  // The chart itself, once per market (its price format is the market's) and per language and
  // zone (its time labels are the viewer's).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const times = chartTimes(locale, timeZone);
    const chart = createChart(container, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: COLORS.surface },
        textColor: COLORS.text,
        fontFamily: "Inter Variable, ui-sans-serif, system-ui, sans-serif",
        fontSize: 11,
        attributionLogo: false,
      },
      grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderColor: COLORS.line },
      timeScale: {
        borderColor: COLORS.line,
        // Room after the live candle, so it is never drawn against the price axis.
        rightOffset: 8,
        barSpacing: 8,
        timeVisible: true,
        secondsVisible: false,
        tickMarkFormatter: (time: number) => times.tickMark(time),
      },
      localization: {
        locale,
        timeFormatter: (time: number) => times.crosshair(time),
      },
    });
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: COLORS.up,
      downColor: COLORS.down,
      borderUpColor: COLORS.up,
      borderDownColor: COLORS.down,
      wickUpColor: COLORS.up,
      wickDownColor: COLORS.down,
      priceFormat: {
        type: "custom",
        minMove: minMoveOf(format),
        formatter: (price: number) => axisPrice(price, format.priceDecimals),
      },
      // The scale takes in the mark line too, so the mark is on the chart, not past its edge.
      autoscaleInfoProvider: (original: () => AutoscaleInfo | null) =>
        withMark(original(), markRef.current.price),
    });
    const volume = chart.addSeries(HistogramSeries, {
      priceScaleId: "volume",
      priceFormat: { type: "volume" },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    chart.priceScale("volume").applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
    candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.22 } });

    chart.subscribeCrosshairMove((param) => {
      const bar =
        param.time === undefined ? undefined : barsByTime.current.get(param.time as UTCTimestamp);
      setLegend(bar?.source ?? lastBarRef.current?.source ?? null);
    });

    markLineRef.current = drawMark(candles, null, markRef.current);
    chartRef.current = chart;
    candlesRef.current = candles;
    volumeRef.current = volume;
    return () => {
      chart.remove();
      markLineRef.current = null;
      chartRef.current = null;
      candlesRef.current = null;
      volumeRef.current = null;
      lastBarRef.current = null;
    };
  }, [format, locale, timeZone]);

  // The mark price line (drawing only: the label is the chart's own coordinate), drawn again
  // on each new chart.
  useEffect(() => {
    const candles = candlesRef.current;
    if (!candles) return;
    markLineRef.current = drawMark(candles, markLineRef.current, {
      price: markPrice ?? null,
      title: markRef.current.title,
    });
    // The scale takes the new mark in (withMark).
    chartRef.current?.priceScale("right").applyOptions({ autoScale: true });
  }, [markPrice]);

  // History from the API (on load, interval change, reconnect).
  useEffect(() => {
    const candles = candlesRef.current;
    const volume = volumeRef.current;
    if (!candles || !volume || !klines.data) return;
    const bars = [...klines.data]
      .map((k) => barOf({ ...k, openTime: new Date(k.openTime) }))
      .sort((a, b) => a.time - b.time);
    barsByTime.current = new Map(bars.map((bar) => [bar.time, bar]));
    candles.setData(bars.map((bar) => bar.candle));
    volume.setData(bars.map((bar) => bar.volume));
    lastBarRef.current = bars.at(-1) ?? null;
    setLegend(lastBarRef.current?.source ?? null);
  }, [klines.data]);

  // The live candle.
  useChannel(channels.kline(market.symbol, interval), (data) => {
    const push = parsePush("kline", data);
    if (push?.interval !== interval) {
      void queryClient.invalidateQueries({ queryKey: klinesOptions.queryKey });
      return;
    }
    const bar = barOf(push);
    const last = lastBarRef.current;
    // The chart only accepts the latest bar or a newer one.
    if (last && bar.time < last.time) return;
    candlesRef.current?.update(bar.candle);
    volumeRef.current?.update(bar.volume);
    barsByTime.current.set(bar.time, bar);
    lastBarRef.current = bar;
    setLegend(bar.source);
  });
  useOnReconnect(() => {
    void queryClient.invalidateQueries({ queryKey: klinesOptions.queryKey });
  });

  const chooseInterval = (next: KlineInterval) => {
    setChartInterval(next);
    try {
      localStorage.setItem(INTERVAL_STORAGE_KEY, next);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  };

  return (
    <Panel
      area="chart"
      testId="price-chart"
      className="h-[22rem] sm:h-[26rem] xl:h-auto"
      title={
        <fieldset aria-label={t("intervals")} className="flex items-center gap-0.5">
          {KLINE_INTERVALS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === interval}
              onClick={() => chooseInterval(option)}
              className={`rounded px-2 py-0.5 text-xs font-medium tabular-nums transition-colors max-md:min-h-10 max-md:min-w-10 ${
                option === interval
                  ? "bg-raised text-ink"
                  : "text-ink-faint hover:bg-raised hover:text-ink-muted"
              }`}
            >
              {option}
            </button>
          ))}
        </fieldset>
      }
      actions={<span className="text-[11px] text-ink-faint">{t("zone", { zone })}</span>}
    >
      <div className="relative min-h-0 flex-1">
        <div ref={containerRef} className="absolute inset-0" />
        {legend ? (
          <dl
            data-testid="chart-legend"
            className="pointer-events-none absolute top-1.5 left-3 z-10 flex flex-wrap gap-x-3 text-[11px] tabular-nums"
          >
            <LegendItem label={t("open")} value={format.price(legend.open)} />
            <LegendItem label={t("high")} value={format.price(legend.high)} />
            <LegendItem label={t("low")} value={format.price(legend.low)} />
            <LegendItem
              label={t("close")}
              value={format.price(legend.close)}
              testId="chart-close"
            />
            <LegendItem
              label={t("volume")}
              value={formatVolume(legend.volume)}
              testId="chart-volume"
            />
          </dl>
        ) : null}
        {klines.isPending ? (
          <div className="absolute inset-0 z-10 flex bg-surface">
            <PanelMessage loading>{t("loading")}</PanelMessage>
          </div>
        ) : klines.isError ? (
          <div className="absolute inset-0 z-10 flex bg-surface">
            <PanelError onRetry={() => void klines.refetch()}>{t("failed")}</PanelError>
          </div>
        ) : klines.data.length === 0 && !legend ? (
          <div className="absolute inset-0 z-10 flex">
            <PanelMessage>{t("empty")}</PanelMessage>
          </div>
        ) : null}
      </div>
    </Panel>
  );
}

function LegendItem({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-ink-faint">{label}</dt>
      <dd data-testid={testId} className="text-ink-muted">
        {value}
      </dd>
    </div>
  );
}

const axisFormats = new Map<number, Intl.NumberFormat>();

/** An axis label: a plotted coordinate, grouped like every other price on the page. */
function axisPrice(price: number, decimals: number): string {
  let formatter = axisFormats.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    axisFormats.set(decimals, formatter);
  }
  return formatter.format(price);
}

/** The price scale's step: one tick, as the chart's (display-only) number. */
function minMoveOf(format: MarketFormat): number {
  return 1 / 10 ** format.priceDecimals;
}

function storedInterval(): KlineInterval {
  if (typeof window === "undefined") return "1m";
  try {
    const stored = localStorage.getItem(INTERVAL_STORAGE_KEY);
    return KLINE_INTERVALS.find((interval) => interval === stored) ?? "1m";
  } catch {
    return "1m";
  }
}

/** Draws, moves or removes the mark price line; returns the line now drawn. */
function drawMark(
  candles: ISeriesApi<"Candlestick">,
  line: IPriceLine | null,
  mark: { price: string | null; title: string },
): IPriceLine | null {
  if (!mark.price) {
    if (line) candles.removePriceLine(line);
    return null;
  }
  const price = Number(mark.price);
  if (line) {
    line.applyOptions({ price });
    return line;
  }
  return candles.createPriceLine({
    price,
    color: COLORS.mark,
    lineWidth: 1,
    lineStyle: LineStyle.Dashed,
    axisLabelVisible: true,
    title: mark.title,
  });
}

/** The candles' price range stretched to include the mark (display only). */
function withMark(info: AutoscaleInfo | null, mark: string | null): AutoscaleInfo | null {
  if (!info?.priceRange || !mark) return info;
  const price = Number(mark);
  return {
    ...info,
    priceRange: {
      minValue: Math.min(info.priceRange.minValue, price),
      maxValue: Math.max(info.priceRange.maxValue, price),
    },
  };
}
