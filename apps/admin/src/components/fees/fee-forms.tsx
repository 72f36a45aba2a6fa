"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

interface Problem {
  message: string;
  fields: Record<string, string[]>;
}

/** A refusal as a form shows it: the message, and each field's own errors. */
function problemOf(error: unknown, errorText: (e: ApiErrorLike) => string): Problem {
  const fields =
    (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors ?? {};
  return { message: errorText(error as ApiErrorLike), fields };
}

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? "");
}

function FormFooter({
  pending,
  label,
  problem,
  done,
}: {
  pending: boolean;
  label: string;
  problem: Problem | null;
  done: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={buttonClasses("primary", "md")}>
        {label}
      </button>
      {problem ? (
        <span role="alert" className="text-[13px] text-down">
          {problem.message}
        </span>
      ) : done ? (
        <output className="text-[13px] text-up">{done}</output>
      ) : null}
    </div>
  );
}

/** Creates a tier or changes one (`fees.setTier`): threshold and shares of the market rates. */
export function TierForm({ volumeAsset }: { volumeAsset: string }) {
  const t = useTranslations("fees.tierForm");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const setTier = useMutation(trpc.fees.setTier.mutationOptions());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    setDone(null);
    setTier.mutate(
      {
        tier: Number(text(form, "tier")),
        minVolume: text(form, "minVolume"),
        makerScalePercent: text(form, "makerScalePercent"),
        takerScalePercent: text(form, "takerScalePercent"),
      },
      {
        onSuccess: (tier) => {
          setDone(t("saved", { tier: tier.tier }));
          router.refresh();
        },
        onError: (error) => setProblem(problemOf(error, errorText)),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("title")} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <TextField
          label={t("tier")}
          name="tier"
          inputMode="numeric"
          errors={problem?.fields.tier}
        />
        <TextField
          label={t("minVolume", { asset: volumeAsset })}
          name="minVolume"
          inputMode="decimal"
          errors={problem?.fields.minVolume}
        />
        <TextField
          label={t("maker")}
          name="makerScalePercent"
          hint={t("makerHint")}
          errors={problem?.fields.makerScalePercent}
        />
        <TextField
          label={t("taker")}
          name="takerScalePercent"
          hint={t("takerHint")}
          errors={problem?.fields.takerScalePercent}
        />
      </div>
      <FormFooter pending={setTier.isPending} label={t("submit")} problem={problem} done={done} />
    </form>
  );
}

/** Fixes one trader's tier by hand, with a reason (`fees.setOverride`). */
export function OverrideForm({ tiers }: { tiers: readonly number[] }) {
  const t = useTranslations("fees.users");
  const ts = useTranslations("fees.schedule");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const setOverride = useMutation(trpc.fees.setOverride.mutationOptions());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    setDone(null);
    setOverride.mutate(
      {
        userId: Number(text(form, "userId").replace(/^#/, "")),
        tier: Number(text(form, "tier")),
        reason: text(form, "reason"),
      },
      {
        onSuccess: () => {
          setDone(t("saved"));
          router.refresh();
        },
        onError: (error) => setProblem(problemOf(error, errorText)),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("formLabel")} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[10rem_10rem_1fr]">
        <TextField
          label={t("userId")}
          name="userId"
          inputMode="numeric"
          errors={problem?.fields.userId}
        />
        <label className="flex flex-col gap-1.5 text-[13px] font-medium text-ink-muted">
          {t("tierChoice")}
          <select
            name="tier"
            className="h-10 rounded-md bg-canvas px-2.5 text-sm font-normal text-ink ring-1 ring-line-strong ring-inset"
          >
            {tiers.map((tier) => (
              <option key={tier} value={tier}>
                {ts("tierName", { tier })}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t("reason")}
          name="reason"
          hint={t("reasonHint")}
          errors={problem?.fields.reason}
        />
      </div>
      <FormFooter
        pending={setOverride.isPending}
        label={t("submit")}
        problem={problem}
        done={done}
      />
    </form>
  );
}

/** Ends an override (`fees.clearOverride`): the trader returns to the tier their volume earns. */
export function ClearOverrideButton({ userId, email }: { userId: number; email: string }) {
  const t = useTranslations("fees.users");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const clear = useMutation(trpc.fees.clearOverride.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={clear.isPending}
        aria-label={t("clearLabel", { email })}
        onClick={() =>
          clear.mutate(
            { userId, reason: t("clearReason") },
            { onSuccess: () => router.refresh(), onError: (e) => setProblem(errorText(e)) },
          )
        }
        className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
      >
        {t("clear")}
      </button>
      {problem ? (
        <span role="alert" className="text-xs text-down">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
