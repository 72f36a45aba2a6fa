import { expect, test } from "@playwright/test";
import { WEB_URL } from "../fixtures";
import { expectAccessible } from "./support/accessibility";
import { useOwnClientAddressPerTest } from "./support/client-address";

useOwnClientAddressPerTest(test);

const GATEWAY_URL = process.env.E2E_GATEWAY_URL ?? "http://127.0.0.1:3600";

/** What each language's page says where the journey looks (its chrome; the code is the same). */
const WORDS = {
  en: {
    footerLink: "Trading API reference",
    title: "Trading API (Binance-compatible)",
    quickStart: "Quick start",
    ccxt: "ccxt (JavaScript)",
    curl: "curl with a signature",
    keyLink: "Account → API keys",
    publicGroup: "Market data (public)",
    signedGroup: "Trading and account (signed)",
  },
  "zh-CN": {
    footerLink: "交易 API 文档",
    title: "交易 API（兼容币安）",
    quickStart: "快速开始",
    ccxt: "ccxt（JavaScript）",
    curl: "用 curl 发送签名请求",
    keyLink: "账户 → API 密钥",
    publicGroup: "行情（公开）",
    signedGroup: "交易与账户（需签名）",
  },
} as const;

/** Operations in the gateway's own OpenAPI document: the page must show every one. */
async function documentedOperations(): Promise<number> {
  const response = await fetch(`${GATEWAY_URL}/api/v3/openapi.json`);
  expect(response.status).toBe(200);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.values(document.paths).reduce((sum, ops) => sum + Object.keys(ops).length, 0);
}

for (const locale of ["en", "zh-CN"] as const) {
  const words = WORDS[locale];
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test(`[API] the footer's API link opens the reference with the ccxt and curl quick starts @phone`, async ({
      page,
    }) => {
      await page.goto(`${WEB_URL}/markets`);
      await page.getByRole("contentinfo").getByRole("link", { name: words.footerLink }).click();
      await expect(page).toHaveURL(`${WEB_URL}/api-docs`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.title);
      await expect(page.getByRole("main")).toContainText(GATEWAY_URL);

      // The quick start: where a key comes from, then the two snippets, with this gateway's URL.
      await expect(page.getByRole("heading", { name: words.quickStart })).toBeVisible();
      await expect(page.getByRole("link", { name: words.keyLink })).toHaveAttribute(
        "href",
        "/account/api-keys",
      );
      const ccxt = page.getByRole("region", { name: words.ccxt });
      await expect(ccxt).toContainText("new ccxt.pro.binance(");
      await expect(ccxt).toContainText(`const gateway = "${GATEWAY_URL}";`);
      const curl = page.getByRole("region", { name: words.curl });
      await expect(curl).toContainText('openssl dgst -sha256 -hmac "$SECRET"');
      await expect(curl).toContainText(`${GATEWAY_URL}/api/v3/order?`);

      // The reference: the gateway's document, every operation of it, public and signed.
      await expect(page.getByRole("heading", { name: words.publicGroup })).toBeVisible();
      await expect(page.getByRole("heading", { name: words.signedGroup })).toBeVisible();
      await expect(page.getByTestId("api-operation")).toHaveCount(await documentedOperations());
      await expect(
        page.getByTestId("api-operation").filter({ hasText: "/api/v3/depth" }),
      ).toContainText("symbol");

      // On a phone the page keeps its width; the snippets scroll inside their own frames.
      expect(
        await page.evaluate(
          "document.documentElement.scrollWidth - document.documentElement.clientWidth",
        ),
      ).toBeLessThanOrEqual(0);
      await expectAccessible(page, `api docs (${locale})`);
    });
  });
}
