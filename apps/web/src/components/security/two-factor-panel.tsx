"use client";

import { ZSecondFactorCode, ZTotpCode } from "@exchange/api/client";
import {
  buttonClasses,
  FormAlert,
  FormNotice,
  RecoveryCodes,
  Spinner,
  TextField,
  TwoFactorSetup,
} from "@exchange/ui";
import { DateTime, useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { SecurityCard as Card, PanelError, PanelLoading } from "./security-card";

type Enrolment = { secret: string; qrCodeDataUrl: string };

/**
 * Two-factor on the security page: off → set up (QR, key, confirm with a code) → recovery
 * codes shown once → on, with a way to replace the recovery codes and to turn it off again
 * (each with the password and a code or a recovery code).
 */
export function TwoFactorPanel() {
  const t = useTranslations("account.security.twoFactor");
  const trpc = useTRPC();
  const status = useQuery(trpc.security.twoFactorStatus.queryOptions());
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  if (status.isPending) {
    return (
      <Card title={t("title")}>
        <PanelLoading />
      </Card>
    );
  }
  if (status.isError) {
    return (
      <Card title={t("title")}>
        <PanelError message={t("loadFailed")} onRetry={() => void status.refetch()} />
      </Card>
    );
  }
  if (recoveryCodes) {
    return (
      <Card title={t("title")} badge={<StatusBadge on />}>
        <FormNotice>{t("isOn")}</FormNotice>
        <RecoveryCodes codes={recoveryCodes} />
        <button
          type="button"
          className={`${buttonClasses("primary", "md")} self-start`}
          onClick={() => setRecoveryCodes(undefined)}
        >
          {t("savedCodes")}
        </button>
      </Card>
    );
  }
  if (status.data.enabled) {
    return (
      <Card title={t("title")} badge={<StatusBadge on />}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-[13px]">
          <dt className="text-ink-faint">{t("onSince")}</dt>
          <dd className="text-ink">
            {status.data.enabledAt ? <DateTime at={status.data.enabledAt} /> : "—"}
          </dd>
          <dt className="text-ink-faint">{t("codesLeftLabel")}</dt>
          <dd className="text-ink" data-testid="recovery-codes-left">
            {t("codesLeft", { count: status.data.recoveryCodesLeft })}
          </dd>
        </dl>
        <RegenerateForm onRegenerated={setRecoveryCodes} />
        <DisableForm />
      </Card>
    );
  }
  if (enrolment) {
    return (
      <Card title={t("setUpTitle")} badge={<StatusBadge on={false} />}>
        <TwoFactorSetup qrCodeDataUrl={enrolment.qrCodeDataUrl} secret={enrolment.secret}>
          <ConfirmForm onConfirmed={setRecoveryCodes} onCancel={() => setEnrolment(undefined)} />
        </TwoFactorSetup>
      </Card>
    );
  }
  return (
    <Card title={t("title")} badge={<StatusBadge on={false} />}>
      <p className="text-[13px] leading-5 text-ink-muted">{t("pitch")}</p>
      <BeginButton onBegun={setEnrolment} />
    </Card>
  );
}

function BeginButton({ onBegun }: { onBegun: (enrolment: Enrolment) => void }) {
  const t = useTranslations("account.security.twoFactor");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const begin = useMutation(trpc.security.beginTwoFactor.mutationOptions({ onSuccess: onBegun }));
  return (
    <div className="flex flex-col gap-3">
      {begin.isError ? <FormAlert>{errorText(begin.error)}</FormAlert> : null}
      <button
        type="button"
        disabled={begin.isPending}
        onClick={() => begin.mutate()}
        className={`${buttonClasses("primary", "md")} self-start`}
      >
        {begin.isPending ? <Spinner /> : null}
        {t("setUp")}
      </button>
    </div>
  );
}

function ConfirmForm({
  onConfirmed,
  onCancel,
}: {
  onConfirmed: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("account.security.twoFactor");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useMutation(trpc.security.confirmTwoFactor.mutationOptions());
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZTotpCode.safeParse(code);
    if (!parsed.success) return setError(t("enterAppCode"));
    setError(undefined);
    confirm.mutate(
      { code: parsed.data },
      {
        onSuccess: ({ recoveryCodes }) => {
          onConfirmed(recoveryCodes);
          void queryClient.invalidateQueries(trpc.security.twoFactorStatus.queryFilter());
        },
        onError: (failure) => setError(errorText(failure)),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label={t("appCode")}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        placeholder="123456"
        maxLength={6}
        className="max-w-48 font-mono tracking-[0.3em]"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        errors={error ? [error] : undefined}
        required
      />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={confirm.isPending}
          className={buttonClasses("primary", "md")}
        >
          {confirm.isPending ? <Spinner /> : null}
          {t("turnOn")}
        </button>
        <button type="button" onClick={onCancel} className={buttonClasses("ghost", "md")}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** Turning two-factor off asks for the password as well as a code (a step-up, rate-limited). */
function DisableForm() {
  const t = useTranslations("account.security.twoFactor");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const disable = useMutation(trpc.security.disableTwoFactor.mutationOptions());
  return (
    <StepUpForm
      title={t("turnOff")}
      action={t("turnOff")}
      danger
      pending={disable.isPending}
      onProof={(stepUp, done) =>
        disable.mutate(
          { stepUp },
          {
            onSuccess: () => {
              done();
              void queryClient.invalidateQueries(trpc.security.twoFactorStatus.queryFilter());
            },
            onError: (failure) => done(failure),
          },
        )
      }
    />
  );
}

/** A new set of recovery codes, shown once; the old set stops working. */
function RegenerateForm({ onRegenerated }: { onRegenerated: (codes: string[]) => void }) {
  const t = useTranslations("account.security.twoFactor");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const regenerate = useMutation(trpc.security.regenerateRecoveryCodes.mutationOptions());
  return (
    <StepUpForm
      title={t("regenerateTitle")}
      hint={t("regenerateHint")}
      action={t("regenerate")}
      pending={regenerate.isPending}
      onProof={(stepUp, done) =>
        regenerate.mutate(
          { stepUp },
          {
            onSuccess: ({ recoveryCodes }) => {
              done();
              onRegenerated(recoveryCodes);
              void queryClient.invalidateQueries(trpc.security.twoFactorStatus.queryFilter());
            },
            onError: (failure) => done(failure),
          },
        )
      }
    />
  );
}

type Failure = Parameters<ReturnType<typeof useErrorText>>[0] & {
  data?: { fieldErrors?: Record<string, string[] | undefined> } | null;
};

/** Password and a code (or a recovery code), for an action that needs both again. */
function StepUpForm({
  title,
  hint,
  action,
  danger = false,
  pending,
  onProof,
}: {
  title: string;
  hint?: string;
  action: string;
  danger?: boolean;
  pending: boolean;
  onProof: (stepUp: { password: string; code: string }, done: (failure?: Failure) => void) => void;
}) {
  const t = useTranslations("account.security.twoFactor");
  const errorText = useErrorText();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZSecondFactorCode.safeParse(code);
    if (!password) return setErrors({ password: t("enterPassword") });
    if (!parsed.success) return setErrors({ code: t("enterCode") });
    setErrors({});
    onProof({ password, code: parsed.data }, (failure) => {
      if (!failure) {
        setPassword("");
        setCode("");
        return;
      }
      const fields = failure.data?.fieldErrors;
      if (fields?.password?.[0]) setErrors({ password: errorText(failure) });
      else if (fields?.code?.[0]) setErrors({ code: errorText(failure) });
      else setErrors({ form: errorText(failure) });
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 border-t border-line pt-5"
      aria-label={title}
    >
      <h3 className="text-[13px] font-medium text-ink">{title}</h3>
      {hint ? <p className="text-[13px] leading-5 text-ink-muted">{hint}</p> : null}
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        className="sm:max-w-64"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errors.password ? [errors.password] : undefined}
        required
      />
      <TextField
        label={t("codeOrRecovery")}
        name="code"
        autoComplete="one-time-code"
        className="font-mono sm:max-w-64"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        errors={errors.code ? [errors.code] : errors.form ? [errors.form] : undefined}
        required
      />
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClasses("secondary", "md")} self-start ${danger ? "text-down!" : ""}`}
      >
        {pending ? <Spinner /> : null}
        {action}
      </button>
    </form>
  );
}

function StatusBadge({ on }: { on: boolean }) {
  const t = useTranslations("account.security.twoFactor");
  return (
    <span
      data-testid="two-factor-status"
      className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        on ? "bg-up/10 text-up ring-up/30" : "bg-raised text-ink-muted ring-line-strong"
      }`}
    >
      {on ? t("on") : t("off")}
    </span>
  );
}
