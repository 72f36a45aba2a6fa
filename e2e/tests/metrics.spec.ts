import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { E2E_PORTS } from "../../scripts/lib/ports";
import { ADMIN_URL, WEB_URL } from "../fixtures";
import { submitWebLogIn } from "./support/sessions";
import { setUpTrading, type TradingSetup } from "./support/trading-setup";

/**
 * What an operator's Prometheus sees: every process answers /metrics on its operations port
 * (docs/operations.md, "Metrics"), labelled with its name, and none on the port the public
 * reaches; a trader's order moves the web app's figures, summed over the production server's
 * processes whichever one served it.
 */
const OPS_PORTS = {
  web: E2E_PORTS.webOps,
  admin: E2E_PORTS.adminOps,
  stream: E2E_PORTS.streamOps,
  gateway: E2E_PORTS.gatewayOps,
  engine: 3310,
  worker: E2E_PORTS.worker,
  signer: E2E_PORTS.signer,
} as const;

const PUBLIC_URLS = [
  WEB_URL,
  ADMIN_URL,
  `http://127.0.0.1:${E2E_PORTS.stream}`,
  `http://127.0.0.1:${E2E_PORTS.gateway}`,
];

async function scrape(request: APIRequestContext, app: keyof typeof OPS_PORTS): Promise<string> {
  const response = await request.get(`http://127.0.0.1:${OPS_PORTS[app]}/metrics`);
  expect(response.status(), `${app}'s /metrics`).toBe(200);
  return response.text();
}

/** A series' value by name and a subset of its labels; 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.includes(pair)));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

let setup: TradingSetup;

test.afterAll(async () => {
  await setup?.close();
});

test("[OPERATIONS] every process serves its metrics on its operations port, none on a public one", async ({
  request,
}) => {
  for (const app of Object.keys(OPS_PORTS) as (keyof typeof OPS_PORTS)[]) {
    const text = await scrape(request, app);
    expect(text).toContain(`exchange_process_cpu_seconds_total{app="${app}"}`);
    expect(text).toContain(`exchange_nodejs_eventloop_lag_seconds{app="${app}"}`);
  }
  // A public port answers a 404 or a page of its own (the console's log-in), never the figures.
  for (const url of PUBLIC_URLS) {
    const response = await request.get(`${url}/metrics`);
    expect(response.status(), `${url}/metrics`).not.toBe(500);
    expect(await response.text(), `${url}/metrics`).not.toContain("# TYPE exchange_");
  }
});

/**
 * Expects a series to have grown by at least one between two scrapes. Other journeys run beside
 * these against the same apps, so a figure may have moved by more than this test's own call.
 */
function movedBetween(before: string, after: string) {
  return (name: string, labels: Record<string, string>) =>
    expect(sample(after, name, labels), name).toBeGreaterThanOrEqual(
      sample(before, name, labels) + 1,
    );
}

async function placeLimitBuy(page: Page, price: string, amount: string) {
  const form = page.getByTestId("order-form");
  await form.getByRole("button", { name: "Buy", exact: true }).click();
  await form.getByRole("button", { name: "Limit", exact: true }).click();
  await form.getByRole("textbox", { name: "Price", exact: true }).fill(price);
  await form.getByRole("textbox", { name: "Amount", exact: true }).fill(amount);
  await form.getByRole("button", { name: "Buy ETH" }).click();
  await expect(
    page.getByTestId("toast").filter({ hasText: "Buy limit order placed" }),
  ).toBeVisible();
}

test("[OPERATIONS] a trader's order moves the order counter and the procedure's histogram", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  setup = await setUpTrading();
  const trader = await setup.createTrader({ USDT: "100" });
  const placed = { market: "ETHUSDT", result: "placed" };
  const procedure = { procedure: "trading.placeOrder" };
  const before = await scrape(request, "web");

  await submitWebLogIn(page, trader);
  await expect(page.getByTestId("account-email")).toBeVisible();
  await page.goto(`${WEB_URL}/trade/ETHUSDT`);
  await placeLimitBuy(page, "1001.17", "0.01");

  const after = await scrape(request, "web");
  const moved = movedBetween(before, after);
  moved("exchange_trading_orders_total", placed);
  moved("exchange_trpc_requests_total", { ...procedure, code: "OK" });
  moved("exchange_trpc_request_seconds_count", procedure);
  // The engine accepted it, and counted it.
  expect(
    sample(await scrape(request, "engine"), "exchange_engine_commands_total", {
      result: "accepted",
    }),
  ).toBeGreaterThan(0);
});

test("[OPERATIONS] the admin console counts its procedures, refused ones by their code", async ({
  request,
}) => {
  const health = { procedure: "health", code: "OK" };
  const refused = { procedure: "me", code: "UNAUTHORIZED" };
  const before = await scrape(request, "admin");
  expect((await request.get(`${ADMIN_URL}/api/trpc/health`)).status()).toBe(200);
  expect((await request.get(`${ADMIN_URL}/api/trpc/me`)).status()).toBe(401);
  const moved = movedBetween(before, await scrape(request, "admin"));
  moved("exchange_trpc_requests_total", health);
  moved("exchange_trpc_requests_total", refused);
});
