/**
 * The quick starts the API reference page shows (and the README repeats): ccxt's own `binance`
 * class with only its URLs pointed at this exchange's gateway, and a signed order with curl and
 * openssl. Built from the gateway's public address, so they run as pasted.
 */
export function ccxtQuickStart(gatewayUrl: string): string {
  return `import ccxt from "ccxt"; // npm install ccxt

const gateway = "${gatewayUrl}";
const exchange = new ccxt.pro.binance({ apiKey: "YOUR_API_KEY", secret: "YOUR_SECRET" });
// Only the URLs change: every REST base keeps its path on the gateway, the streams move too.
for (const [name, url] of Object.entries(exchange.urls.api)) {
  if (typeof url === "string") exchange.urls.api[name] = url.replace(/^https?:\\/\\/[^/]+/, gateway);
}
exchange.urls.api.ws.spot = \`\${gateway.replace(/^http/, "ws")}/ws\`;
exchange.urls.api.ws["ws-api"].spot = \`\${gateway.replace(/^http/, "ws")}/ws-api/v3\`;
// Over plain ws:// (a gateway without TLS, as locally) ccxt needs its own HTTP agent.
if (gateway.startsWith("http://")) await exchange.loadHttpProxyAgent();

console.log(await exchange.fetchTicker("BTC/USDT"));
console.log(await exchange.fetchBalance());
const order = await exchange.createOrder("BTC/USDT", "limit", "buy", 0.001, 30000);
console.log(await exchange.fetchOpenOrders("BTC/USDT"));
console.log(await exchange.cancelOrder(order.id, "BTC/USDT"));
console.log((await exchange.watchOrderBook("BTC/USDT")).asks.slice(0, 3));
await exchange.close();`;
}

export function curlQuickStart(gatewayUrl: string): string {
  return `KEY=YOUR_API_KEY
SECRET=YOUR_SECRET
QUERY="symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=30000&timestamp=$(date +%s000)"
SIGNATURE=$(printf '%s' "$QUERY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')
curl -X POST -H "X-MBX-APIKEY: $KEY" "${gatewayUrl}/api/v3/order?$QUERY&signature=$SIGNATURE"`;
}
