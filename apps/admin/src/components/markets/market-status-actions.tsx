"use client";

import { type MarketStatus, nextMarketStatuses } from "@exchange/contracts/market";
import { buttonClasses } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";

/** Moves that stop trading ask for a second click: halting freezes the book, closing is final. */
type Confirmed = "HALTED" | "CLOSED";
const isConfirmed = (status: MarketStatus): status is Confirmed =>
  status === "HALTED" || status === "CLOSED";

/**
 * The engine has applied the change when the call returns; the table shows it once the worker
 * has projected the engine's event, a moment later. The page is read again now and twice more
 * while that moment passes.
 */
function refreshAsProjected(router: { refresh(): void }) {
  router.refresh();
  for (const delayMs of [1_000, 3_000]) setTimeout(() => router.refresh(), delayMs);
}

/** The moves a market may make now, each a button; halt and close ask to confirm. */
export function MarketStatusActions({ symbol, status }: { symbol: string; status: MarketStatus }) {
  const t = useTranslations("markets.actions");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const setStatus = useMutation(trpc.markets.setStatus.mutationOptions());
  const [asked, setAsked] = useState<Confirmed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const next = nextMarketStatuses(status);
  if (next.length === 0) return <span className="text-xs text-ink-faint">{t("final")}</span>;

  function move(to: MarketStatus) {
    setProblem(null);
    setStatus.mutate(
      { symbol, status: to },
      {
        onSuccess: () => {
          setAsked(null);
          refreshAsProjected(router);
        },
        onError: (e) => setProblem(errorText(e)),
      },
    );
  }

  if (asked) {
    return (
      <fieldset
        className="flex flex-wrap items-center justify-end gap-2"
        aria-label={t("confirmLabel", { symbol })}
      >
        <span className="text-xs text-warn">{t(`confirm.${asked}`, { symbol })}</span>
        <button
          type="button"
          disabled={setStatus.isPending}
          onClick={() => move(asked)}
          className="inline-flex h-8 items-center rounded-md bg-down-fill px-3 text-[13px] font-semibold text-white hover:bg-down-fill/90 disabled:opacity-60 max-sm:h-10"
        >
          {t(`confirmButton.${asked}`)}
        </button>
        <button
          type="button"
          onClick={() => setAsked(null)}
          className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
        >
          {t("keep")}
        </button>
        {problem ? (
          <span role="alert" className="text-xs text-down">
            {problem}
          </span>
        ) : null}
      </fieldset>
    );
  }
  return (
    <span className="flex flex-wrap items-center justify-end gap-1.5">
      {next.map((to) => (
        <button
          key={to}
          type="button"
          disabled={setStatus.isPending}
          aria-label={t(`moveLabel.${to}`, { symbol })}
          onClick={() => (isConfirmed(to) ? setAsked(to) : move(to))}
          className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
        >
          {t(`move.${to}`)}
        </button>
      ))}
      {problem ? (
        <span role="alert" className="text-xs text-down">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
