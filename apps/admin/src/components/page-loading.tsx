import { useTranslations } from "next-intl";
import { PageBody } from "@/components/page-body";

/** The catalog line each section shows while it loads ("Loading withdrawals…"). */
export type PageLoadingMessage =
  | "deposits.loading"
  | "lending.book.loading"
  | "lending.loading"
  | "lending.pool.loading"
  | "products.loading"
  | "products.payouts.loading"
  | "products.subscriptions.loading"
  | "reconciliation.loading"
  | "risk.loading"
  | "system.loading"
  | "treasury.loading"
  | "withdrawals.loading";

/**
 * Shown while the server reads the page: it says so, in the shape of what is coming. A Suspense
 * boundary inside the page rather than a route `loading.tsx`, so the section guard answers (403)
 * before anything streams.
 */
export function PageLoading({ message }: { message: PageLoadingMessage }) {
  const t = useTranslations();
  return (
    <PageBody>
      <div role="status" data-testid="page-loading" className="flex flex-col gap-3">
        <p className="text-[13px] text-ink-muted">{t(message)}</p>
        <div
          aria-hidden="true"
          className="h-64 animate-pulse rounded-lg border border-line bg-surface"
        />
      </div>
    </PageBody>
  );
}
