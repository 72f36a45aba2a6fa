"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/react";

/** What a page is about: the restriction its notice speaks of. */
type RestrictedArea = "trading" | "withdrawals";

/** How often an open page asks again whether compliance restricted the account. */
const RECHECK_MS = 30_000;

/**
 * Tells a trader whose account compliance restricted that the page's action is not available and
 * to contact support. Shown from the account's standing, and again as soon as a refusal says so
 * (`useRestrictionRefusal`), so it appears without a reload.
 */
export function RestrictionNotice({ area }: { area: RestrictedArea }) {
  const trpc = useTRPC();
  const t = useTranslations("account.restrictions");
  const standing = useQuery({
    ...trpc.me.restrictions.queryOptions(),
    refetchInterval: RECHECK_MS,
  });
  const restricted =
    area === "trading" ? standing.data?.tradingFrozen : standing.data?.withdrawalsFrozen;
  if (!restricted) return null;
  return (
    <div
      role="status"
      data-testid={`restriction-notice-${area}`}
      className="flex flex-col gap-1 rounded-md bg-warn/10 px-3 py-2.5 text-[13px] text-ink ring-1 ring-warn/40 ring-inset"
    >
      <p className="font-semibold">{t(`${area}.title`)}</p>
      <p className="text-ink-muted">{t(`${area}.text`)}</p>
    </div>
  );
}

/** Codes of the refusals that mean compliance restricted the account. */
const RESTRICTION_CODES = new Set(["TRADING_FROZEN", "WITHDRAWALS_FROZEN"]);

/**
 * Call with a refusal's app code: a restriction refusal reads the account's standing again, so
 * the page's notice shows at once.
 */
export function useRestrictionRefusal(): (appCode: string | undefined) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (appCode) => {
      if (appCode && RESTRICTION_CODES.has(appCode)) {
        void queryClient.invalidateQueries(trpc.me.restrictions.queryFilter());
      }
    },
    [queryClient, trpc],
  );
}
