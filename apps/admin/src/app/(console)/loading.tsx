import { useTranslations } from "next-intl";
import { PageBody } from "@/components/page-body";

/** While a console page reads its data: its shape, and a line saying it is loading. */
export default function ConsoleLoading() {
  const t = useTranslations("common");
  return (
    <PageBody>
      <p role="status" data-testid="page-loading" className="text-[13px] text-ink-muted">
        {t("loadingPage")}
      </p>
      <div aria-hidden="true" className="flex flex-col gap-3">
        <span className="h-6 w-48 animate-pulse rounded bg-raised" />
        <span className="h-4 w-96 max-w-full animate-pulse rounded bg-raised" />
        <span className="mt-3 h-64 w-full animate-pulse rounded-lg bg-surface ring-1 ring-line" />
      </div>
    </PageBody>
  );
}
