import type { BinanceOpenApiDocument } from "@exchange/api/binance";
import { getTranslations } from "next-intl/server";

type Operation = BinanceOpenApiDocument["paths"][string][string];

/** Each operation of the gateway's OpenAPI document, grouped by its tag, in the gateway's order. */
export async function ApiReference({ document }: { document: BinanceOpenApiDocument }) {
  const t = await getTranslations("apiDocs.reference");
  const groups = new Map<string, { path: string; method: string; operation: Operation }[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags[0] ?? "";
      groups.set(tag, [...(groups.get(tag) ?? []), { path, method, operation }]);
    }
  }
  return (
    <div className="flex flex-col gap-8">
      {[...groups].map(([tag, entries]) => (
        <section key={tag} aria-labelledby={`group-${slug(tag)}`} className="flex flex-col gap-3">
          <h3 id={`group-${slug(tag)}`} className="text-base font-semibold">
            {t(groupKey(entries[0]?.operation))}
          </h3>
          <ul className="flex flex-col gap-3">
            {entries.map((entry) => (
              <OperationCard key={`${entry.method} ${entry.path}`} {...entry} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

async function OperationCard(props: { path: string; method: string; operation: Operation }) {
  const t = await getTranslations("apiDocs.reference");
  const { operation } = props;
  return (
    <li
      className="flex flex-col gap-2 rounded-md border border-line bg-surface p-4"
      data-testid="api-operation"
    >
      <p
        translate="no"
        className="flex flex-wrap items-baseline gap-x-2 gap-y-1 font-mono text-[13px]"
      >
        <span className="font-semibold text-brand">{props.method.toUpperCase()}</span>
        <span className="break-all">{props.path}</span>
      </p>
      {/* The gateway writes its reference in English, as Binance's own is. */}
      <p lang="en" className="text-[13px] text-ink-muted">
        {operation.summary}
      </p>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted">
        <span>{t("weight", { weight: String(operation["x-weight"]) })}</span>
        {operation["x-permission"] ? (
          <span>
            {t.rich("permission", {
              permission: operation["x-permission"],
              c: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </span>
        ) : (
          <span>
            {operation.security.length > 0
              ? t.rich("keyOnly", { c: (chunks) => <code className="font-mono">{chunks}</code> })
              : t("noKey")}
          </span>
        )}
      </p>
      {operation.parameters.length > 0 ? (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
          {operation.parameters.map((parameter) => (
            <div key={parameter.name} className="contents">
              <dt className="font-mono">
                <code>{parameter.name}</code>
                <span className="ml-1 font-sans text-ink-muted">
                  {parameter.required ? t("required") : t("optional")}
                </span>
              </dt>
              <dd lang="en" className="text-ink-muted">
                {parameter.description ?? ""}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-xs text-ink-muted">{t("noParameters")}</p>
      )}
    </li>
  );
}

/** The group's heading by what its routes need: nothing, a key, or a key and a signature. */
function groupKey(operation: Operation | undefined): "publicGroup" | "apiKeyGroup" | "signedGroup" {
  const schemes = operation?.security.flatMap((requirement) => Object.keys(requirement)) ?? [];
  if (schemes.includes("Signature")) return "signedGroup";
  return schemes.includes("ApiKey") ? "apiKeyGroup" : "publicGroup";
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
