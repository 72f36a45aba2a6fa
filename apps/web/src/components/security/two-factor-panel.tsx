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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTRPC } from "@/trpc/react";

type Enrolment = { secret: string; qrCodeDataUrl: string };

/**
 * Two-factor on the security page: off → set up (QR, key, confirm with a code) → recovery
 * codes shown once → on, with a way to turn it off again (a code or a recovery code).
 */
export function TwoFactorPanel() {
  const trpc = useTRPC();
  const status = useQuery(trpc.security.twoFactorStatus.queryOptions());
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  if (status.isPending) {
    return (
      <Card title="Two-factor authentication">
        <span className="flex items-center gap-2 text-ink-muted">
          <Spinner /> Loading…
        </span>
      </Card>
    );
  }
  if (status.isError) {
    return (
      <Card title="Two-factor authentication">
        <FormAlert>{status.error.message}</FormAlert>
      </Card>
    );
  }
  if (recoveryCodes) {
    return (
      <Card title="Two-factor authentication" badge={<StatusBadge on />}>
        <FormNotice>Two-factor authentication is on.</FormNotice>
        <RecoveryCodes codes={recoveryCodes} />
        <button
          type="button"
          className={`${buttonClasses("primary", "md")} self-start`}
          onClick={() => setRecoveryCodes(undefined)}
        >
          I have saved my recovery codes
        </button>
      </Card>
    );
  }
  if (status.data.enabled) {
    return (
      <Card title="Two-factor authentication" badge={<StatusBadge on />}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-[13px]">
          <dt className="text-ink-faint">On since</dt>
          <dd className="text-ink">{status.data.enabledAt?.toLocaleString() ?? "—"}</dd>
          <dt className="text-ink-faint">Recovery codes left</dt>
          <dd className="text-ink" data-testid="recovery-codes-left">
            {status.data.recoveryCodesLeft} of 10
          </dd>
        </dl>
        <DisableForm />
      </Card>
    );
  }
  if (enrolment) {
    return (
      <Card title="Set up two-factor authentication" badge={<StatusBadge on={false} />}>
        <TwoFactorSetup qrCodeDataUrl={enrolment.qrCodeDataUrl} secret={enrolment.secret}>
          <ConfirmForm onConfirmed={setRecoveryCodes} onCancel={() => setEnrolment(undefined)} />
        </TwoFactorSetup>
      </Card>
    );
  }
  return (
    <Card title="Two-factor authentication" badge={<StatusBadge on={false} />}>
      <p className="text-[13px] leading-5 text-ink-muted">
        Ask for a code from an authenticator app on your phone each time you log in, so a stolen
        password alone cannot open your account.
      </p>
      <BeginButton onBegun={setEnrolment} />
    </Card>
  );
}

function BeginButton({ onBegun }: { onBegun: (enrolment: Enrolment) => void }) {
  const trpc = useTRPC();
  const begin = useMutation(trpc.security.beginTwoFactor.mutationOptions({ onSuccess: onBegun }));
  return (
    <div className="flex flex-col gap-3">
      {begin.isError ? <FormAlert>{begin.error.message}</FormAlert> : null}
      <button
        type="button"
        disabled={begin.isPending}
        onClick={() => begin.mutate()}
        className={`${buttonClasses("primary", "md")} self-start`}
      >
        {begin.isPending ? <Spinner /> : null}
        Set up two-factor
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useMutation(trpc.security.confirmTwoFactor.mutationOptions());
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZTotpCode.safeParse(code);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    confirm.mutate(
      { code: parsed.data },
      {
        onSuccess: ({ recoveryCodes }) => {
          onConfirmed(recoveryCodes);
          void queryClient.invalidateQueries(trpc.security.twoFactorStatus.queryFilter());
        },
        onError: (failure) => setError(failure.message),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Code from your app"
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
          Turn on two-factor
        </button>
        <button type="button" onClick={onCancel} className={buttonClasses("ghost", "md")}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Turning two-factor off asks for the password as well as a code (a step-up, rate-limited). */
function DisableForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const disable = useMutation(trpc.security.disableTwoFactor.mutationOptions());
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZSecondFactorCode.safeParse(code);
    if (!password) return setErrors({ password: "Enter your password." });
    if (!parsed.success) return setErrors({ code: parsed.error.issues[0]?.message });
    setErrors({});
    disable.mutate(
      { stepUp: { password, code: parsed.data } },
      {
        onSuccess: () => queryClient.invalidateQueries(trpc.security.twoFactorStatus.queryFilter()),
        onError: (failure) => {
          const fields = failure.data?.fieldErrors;
          if (fields?.password?.[0]) setErrors({ password: fields.password[0] });
          else if (fields?.code?.[0]) setErrors({ code: fields.code[0] });
          else setErrors({ form: failure.message });
        },
      },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 border-t border-line pt-5"
      aria-label="Turn off two-factor"
    >
      <h3 className="text-[13px] font-medium text-ink">Turn off two-factor</h3>
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        className="max-w-64"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errors.password ? [errors.password] : undefined}
        required
      />
      <TextField
        label="Code from your app, or a recovery code"
        name="code"
        autoComplete="one-time-code"
        className="max-w-64 font-mono"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        errors={errors.code ? [errors.code] : errors.form ? [errors.form] : undefined}
        required
      />
      <button
        type="submit"
        disabled={disable.isPending}
        className={`${buttonClasses("secondary", "md")} self-start text-down!`}
      >
        {disable.isPending ? <Spinner /> : null}
        Turn off two-factor
      </button>
    </form>
  );
}

function Card({
  title,
  badge,
  children,
}: {
  title: string;
  badge?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      className="flex flex-col gap-5 rounded-xl border border-line bg-surface p-6"
      aria-label={title}
    >
      <header className="flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold tracking-tight text-ink">{title}</h2>
        {badge}
      </header>
      {children}
    </section>
  );
}

function StatusBadge({ on }: { on: boolean }) {
  return (
    <span
      data-testid="two-factor-status"
      className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        on ? "bg-up/10 text-up ring-up/30" : "bg-raised text-ink-muted ring-line-strong"
      }`}
    >
      {on ? "On" : "Off"}
    </span>
  );
}
