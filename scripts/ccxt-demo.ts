/**
 * `npm run ccxt:demo -- [--key K --secret S] [--url http://localhost:3600] [--symbol BTC/USDT]`:
 * ccxt's own `binance` class, only its URLs pointed at this exchange's trading gateway, walks
 * through what a bot does: markets, ticker, book, trades, candles; with a key (web → Account →
 * API keys) also the balance, a limit, a market and a stop-limit order, reading, listing and
 * cancelling them, its trades, and the book, trades and orders over WebSocket.
 */
import { parseArgs } from "node:util";
import ccxt from "ccxt";
import { pointCcxtBinanceAt } from "../packages/testkit/src/ccxt-binance";
import { DEV_PORTS } from "./lib/ports";

const { values } = parseArgs({
  options: {
    key: { type: "string" },
    secret: { type: "string" },
    url: { type: "string", default: `http://localhost:${DEV_PORTS.gateway}` },
    symbol: { type: "string", default: "BTC/USDT" },
  },
});
const symbol = values.symbol;
const exchange = new ccxt.pro.binance({
  ...(values.key && values.secret ? { apiKey: values.key, secret: values.secret } : {}),
});
pointCcxtBinanceAt(exchange, values.url);

let failures = 0;

/** One step: its name, then what it answered, or why it failed (the walk goes on, counted). */
async function step<T>(name: string, run: () => Promise<T>, show: (answer: T) => unknown) {
  process.stdout.write(`\n▸ ${name}\n`);
  try {
    const shown = show(await run());
    console.log(typeof shown === "string" ? `  ${shown}` : shown);
    return true;
  } catch (error) {
    failures += 1;
    console.log(
      `  ✗ ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : error}`,
    );
    return false;
  }
}

async function publicWalk() {
  console.log(`ccxt ${ccxt.version}, binance class, REST ${exchange.urls.api.public}`);
  await step(
    "loadMarkets",
    () => exchange.loadMarkets(),
    (markets) => {
      const market = markets[symbol];
      return `${Object.keys(markets).join(", ")}; ${symbol}: price step ${market?.precision.price}, amount step ${market?.precision.amount}, min cost ${market?.limits.cost?.min}`;
    },
  );
  await step(
    "fetchTicker",
    () => exchange.fetchTicker(symbol),
    (t) =>
      `last ${t.last}  bid ${t.bid}  ask ${t.ask}  24h high ${t.high} low ${t.low} volume ${t.baseVolume}`,
  );
  await step(
    "fetchOrderBook (5 levels)",
    () => exchange.fetchOrderBook(symbol, 5),
    (book) => ({
      asks: book.asks,
      bids: book.bids,
      nonce: book.nonce,
    }),
  );
  await step(
    "fetchTrades (last 5)",
    () => exchange.fetchTrades(symbol, undefined, 5),
    (trades) =>
      trades.map((t) => `${t.datetime} ${t.side} ${t.amount} @ ${t.price}`).join("\n  ") ||
      "no trades yet",
  );
  await step(
    "fetchOHLCV 1m (last 5)",
    () => exchange.fetchOHLCV(symbol, "1m", undefined, 5),
    (rows) =>
      rows
        .map(
          ([time, open, high, low, close, volume]) =>
            `${new Date(time ?? 0).toISOString()} o ${open} h ${high} l ${low} c ${close} v ${volume}`,
        )
        .join("\n  ") || "no candles yet",
  );
}

async function tradingWalk() {
  await step(
    "fetchBalance",
    () => exchange.fetchBalance(),
    (b) =>
      Object.entries(b.total as unknown as Record<string, number>)
        .filter(([, total]) => total > 0)
        .map(([asset]) => `${asset}: free ${b[asset]?.free} used ${b[asset]?.used}`)
        .join("\n  ") || "no funds: deposit first (web → Wallet)",
  );
  const book = await exchange.fetchOrderBook(symbol, 5);
  const bestBid = book.bids[0]?.[0];
  const market = exchange.market(symbol);
  const amount = market.limits.amount?.min
    ? Math.max(market.limits.amount.min, 10 / (bestBid ?? 10_000))
    : 0.001;
  const size = Number(exchange.amountToPrecision(symbol, amount * 2));
  const farPrice = Number(exchange.priceToPrecision(symbol, (bestBid ?? 10_000) * 0.8));
  let limitId: string | undefined;
  await step(
    `createOrder limit buy ${size} @ ${farPrice} (rests in the book)`,
    () => exchange.createOrder(symbol, "limit", "buy", size, farPrice),
    (o) => {
      limitId = o.id;
      return `id ${o.id} status ${o.status} filled ${o.filled}/${o.amount}`;
    },
  );
  if (limitId) {
    const id = limitId;
    await step(
      "fetchOrder",
      () => readBack(() => exchange.fetchOrder(id, symbol)),
      (o) => `${o.id} ${o.type} ${o.side} ${o.status} price ${o.price}`,
    );
    await step(
      "fetchOpenOrders",
      () => exchange.fetchOpenOrders(symbol),
      (orders) => orders.map((o) => `${o.id} ${o.side} ${o.amount} @ ${o.price}`).join("\n  "),
    );
    await step(
      "cancelOrder",
      () => exchange.cancelOrder(id, symbol),
      (o) => `${o.id} ${o.status}`,
    );
  }
  const stopPrice = Number(exchange.priceToPrecision(symbol, (bestBid ?? 10_000) * 0.9));
  const stopLimit = Number(exchange.priceToPrecision(symbol, (bestBid ?? 10_000) * 0.89));
  await step(
    `createOrder stop-limit sell ${size}: at ${stopPrice} sell @ ${stopLimit}`,
    async () => {
      const order = await exchange.createOrder(symbol, "limit", "sell", size, stopLimit, {
        stopPrice,
      });
      await exchange.cancelOrder(order.id ?? "", symbol);
      return order;
    },
    (o) => `id ${o.id} type ${o.type} trigger ${o.triggerPrice} (cancelled again)`,
  );
  await step(
    `createOrder market buy ${size}`,
    () => exchange.createOrder(symbol, "market", "buy", size),
    (o) => `id ${o.id} status ${o.status} filled ${o.filled} average ${o.average}`,
  );
  await step(
    "fetchMyTrades (last 5)",
    () => exchange.fetchMyTrades(symbol, undefined, 5),
    (trades) =>
      trades
        .map(
          (t) =>
            `${t.datetime} ${t.side} ${t.amount} @ ${t.price} fee ${t.fee?.cost} ${t.fee?.currency}`,
        )
        .join("\n  ") || "none",
  );
}

async function streamWalk(signed: boolean) {
  await step(
    "watchOrderBook (first update)",
    () => exchange.watchOrderBook(symbol),
    (book) => `best bid ${book.bids[0]?.[0]} best ask ${book.asks[0]?.[0]} (nonce ${book.nonce})`,
  );
  await step(
    signed
      ? "watchTrades (then buys the smallest amount at market to see a trade)"
      : "watchTrades (waits for the next trade, 30 s)",
    async () => {
      const watched = withTimeout(exchange.watchTrades(symbol));
      if (signed) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await exchange.createOrder(symbol, "market", "buy", await smallestAmount());
      }
      return watched;
    },
    (trades) => trades.map((t) => `${t.side} ${t.amount} @ ${t.price}`).join("\n  "),
  );
  if (signed) {
    await step(
      "watchOrders (then places and cancels a far order to see it)",
      async () => {
        const watched = withTimeout(exchange.watchOrders(symbol));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const book = await exchange.fetchOrderBook(symbol, 1);
        const price = Number(
          exchange.priceToPrecision(symbol, (book.bids[0]?.[0] ?? 10_000) * 0.8),
        );
        const market = exchange.market(symbol);
        const size = Number(
          exchange.amountToPrecision(symbol, Math.max(market.limits.amount?.min ?? 0, 12 / price)),
        );
        const order = await exchange.createOrder(symbol, "limit", "buy", size, price);
        const orders = await watched;
        await exchange.cancelOrder(order.id ?? "", symbol);
        return orders;
      },
      (orders) =>
        orders.map((o) => `${o.id} ${o.status} ${o.filled}/${o.amount} @ ${o.price}`).join("\n  "),
    );
  }
}

/** A small market buy: the lot minimum, or enough for a 12 USDT notional at the best ask. */
async function smallestAmount(): Promise<number> {
  const bestAsk = (await exchange.fetchOrderBook(symbol, 5)).asks[0]?.[0] ?? 0;
  const minimum = exchange.market(symbol).limits.amount?.min ?? 0.00001;
  const amount = bestAsk > 0 ? Math.max(minimum, 12 / bestAsk) : minimum;
  return Number(exchange.amountToPrecision(symbol, amount));
}

/**
 * Orders are read from the exchange's read model, written a few milliseconds after the order is
 * accepted (docs/binance-api.md): a read right after placing may not find it yet, so retry.
 */
async function readBack<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof ccxt.OrderNotFound) || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms = 30_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`nothing within ${ms / 1000} s`)), ms).unref(),
    ),
  ]);
}

await publicWalk();
const signed = Boolean(values.key && values.secret);
if (signed) await tradingWalk();
else
  console.log(
    "\n(no --key/--secret: create one on the web app, Account → API keys, for the trading calls)",
  );
await streamWalk(signed);
await exchange.close();
console.log(failures === 0 ? "\nEvery call answered." : `\n${failures} call(s) failed.`);
process.exitCode = failures === 0 ? 0 : 1;
