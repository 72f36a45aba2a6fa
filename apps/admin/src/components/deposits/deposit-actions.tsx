"use client";

import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

type Mode = "idle" | "refuse" | "acknowledge";

/** A field's refusal (the server's words for it), else the API error in the viewer's language. */
function fieldProblemOf(error: unknown): string | null {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data;
  return data?.fieldErrors?.reason?.[0] ?? data?.fieldErrors?.note?.[0] ?? null;
}

/**
 * Finance's decision on one deposit: clear or refuse a held one, acknowledge a credited one
 * whose block was reorganised away. The server re-checks the role and the deposit's state and
 * audits the decision; this only saves a round trip.
 */
export function DepositActions({
  depositId,
  held,
  reorged,
}: {
  depositId: number;
  held: boolean;
  reorged: boolean;
}) {
  const t = useTranslations("deposits.actions");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("idle");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const clear = useMutation(trpc.finance.deposits.clear.mutationOptions());
  const refuse = useMutation(trpc.finance.deposits.refuse.mutationOptions());
  const acknowledge = useMutation(trpc.finance.deposits.acknowledgeReorg.mutationOptions());
  const busy = clear.isPending || refuse.isPending || acknowledge.isPending;
  const done = {
    onSuccess: () => {
      setMode("idle");
      setText("");
      router.refresh();
    },
    onError: (e: unknown) =>
      setProblem(
        fieldProblemOf(e) ?? (e instanceof Error ? errorText(e as ApiErrorLike) : t("notSaved")),
      ),
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim().length < 3) return setProblem(t("sayWhy"));
    setProblem(null);
    if (mode === "refuse") refuse.mutate({ id: depositId, reason: text }, done);
    else acknowledge.mutate({ id: depositId, note: text }, done);
  }

  if (mode !== "idle") {
    return (
      <form onSubmit={submit} noValidate className="flex min-w-64 flex-col gap-2 py-2">
        {problem ? <FormAlert>{problem}</FormAlert> : null}
        <input
          aria-label={mode === "refuse" ? t("refuseLabel") : t("acknowledgeLabel")}
          value={text}
          maxLength={500}
          onChange={(event) => setText(event.target.value)}
          placeholder={mode === "refuse" ? t("refusePlaceholder") : t("acknowledgePlaceholder")}
          className="h-8 rounded-md bg-canvas max-sm:h-10 px-2.5 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand"
        />
        <span className="flex gap-1.5">
          <button
            type="submit"
            disabled={busy}
            className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
          >
            {busy ? <Spinner /> : null}
            {mode === "refuse" ? t("refuseSubmit") : t("acknowledgeSubmit")}
          </button>
          <button
            type="button"
            onClick={() => setMode("idle")}
            className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
          >
            {t("cancel")}
          </button>
        </span>
      </form>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      <span className="flex justify-end gap-1.5">
        {held ? (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setProblem(null);
                clear.mutate({ id: depositId }, done);
              }}
              className="inline-flex h-8 items-center max-sm:h-10 gap-1.5 rounded-md bg-up-fill px-2.5 text-xs font-semibold text-white hover:bg-up-fill/90 disabled:opacity-60"
            >
              {clear.isPending ? <Spinner /> : null}
              {t("clear")}
            </button>
            <button
              type="button"
              onClick={() => setMode("refuse")}
              className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
            >
              <span className="text-down">{t("refuse")}</span>
            </button>
          </>
        ) : null}
        {reorged ? (
          <button
            type="button"
            onClick={() => setMode("acknowledge")}
            className={`${buttonClasses("secondary", "sm")} max-sm:h-10`}
          >
            {t("acknowledge")}
          </button>
        ) : null}
      </span>
    </div>
  );
}
