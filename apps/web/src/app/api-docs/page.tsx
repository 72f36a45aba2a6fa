import { ccxtQuickStart, curlQuickStart } from "@exchange/api/binance/quick-start";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-docs/api-reference";
import { CodeBlock } from "@/components/api-docs/code-block";
import { fetchOpenApiDocument } from "@/components/api-docs/openapi-document";
import { webEnv } from "@/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("metaTitle") };
}

/**
 * Public: the trading API's reference, rendered from the OpenAPI document the gateway serves
 * (built from its registered routes), after a quick start for ccxt and for curl.
 */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const gatewayUrl = webEnv().GATEWAY_PUBLIC_URL.replace(/\/+$/, "");
  const document = await fetchOpenApiDocument(gatewayUrl);
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">
          {t.rich("intro", { c: (chunks) => <code className="font-mono">{chunks}</code> })}
        </p>
        <p className="text-[13px]">
          {t("baseUrl")} <code className="break-all font-mono text-brand">{gatewayUrl}</code>
        </p>
      </header>
      <section aria-labelledby="quick-start" className="flex flex-col gap-4">
        <h2 id="quick-start" className="text-lg font-semibold">
          {t("quickStart.title")}
        </h2>
        <ol className="list-decimal space-y-1 pl-5 text-[13px] text-ink-muted">
          <li>
            {t.rich("quickStart.key", {
              c: (chunks) => <code className="font-mono">{chunks}</code>,
              link: (chunks) => (
                <a className="text-brand underline underline-offset-2" href="/account/api-keys">
                  {chunks}
                </a>
              ),
            })}
          </li>
          <li>
            {t.rich("quickStart.install", {
              c: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </li>
          <li>
            {t.rich("quickStart.run", {
              c: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </li>
        </ol>
        <h3 className="text-base font-semibold">{t("quickStart.ccxtTitle")}</h3>
        <CodeBlock code={ccxtQuickStart(gatewayUrl)} label={t("quickStart.ccxtTitle")} />
        <h3 className="text-base font-semibold">{t("quickStart.curlTitle")}</h3>
        <p className="text-[13px] text-ink-muted">
          {t.rich("quickStart.curlIntro", {
            c: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
        <CodeBlock code={curlQuickStart(gatewayUrl)} label={t("quickStart.curlTitle")} />
      </section>
      <section aria-labelledby="reference" className="flex flex-col gap-4">
        <h2 id="reference" className="text-lg font-semibold">
          {t("reference.title")}
        </h2>
        <p className="text-[13px] text-ink-muted">
          {t.rich("reference.intro", {
            link: (chunks) => (
              <a
                className="text-brand underline underline-offset-2"
                href={`${gatewayUrl}/api/v3/openapi.json`}
              >
                {chunks}
              </a>
            ),
          })}
        </p>
        {document ? (
          <ApiReference document={document} />
        ) : (
          <p role="status" className="rounded-md border border-line p-4 text-[13px]">
            {t("reference.unavailable", { url: gatewayUrl })}
          </p>
        )}
      </section>
    </div>
  );
}
