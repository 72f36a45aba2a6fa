"use client";

import { buttonClasses, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "@/trpc/react";

export interface AnnouncementRow {
  id: number;
  titleEn: string | null;
  bodyEn: string | null;
  titleZh: string | null;
  bodyZh: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  createdAt: Date;
  state: "SCHEDULED" | "LIVE" | "ENDED";
}

type Problem = { message: string; fields: Record<string, string[]> } | null;

/** A date-time field's value as an instant, or undefined when left empty. */
function instantOf(form: FormData, name: string): Date | undefined {
  const text = String(form.get(name) ?? "");
  return text === "" ? undefined : new Date(text);
}

/** Publishes an announcement: English, Chinese or both; start and end are optional. */
export function AnnouncementForm() {
  const t = useTranslations("announcements.form");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.announcements.create.mutationOptions());
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "");
    setProblem(null);
    setDone(false);
    create.mutate(
      {
        titleEn: text("titleEn"),
        bodyEn: text("bodyEn"),
        titleZh: text("titleZh"),
        bodyZh: text("bodyZh"),
        startsAt: instantOf(form, "startsAt"),
        endsAt: instantOf(form, "endsAt"),
      },
      {
        onSuccess: () => {
          formElement.reset();
          setDone(true);
          router.refresh();
        },
        onError: (error) => {
          const fields =
            (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors ??
            {};
          setProblem({ message: errorText(error as ApiErrorLike), fields });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("label")} className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-[13px] font-semibold text-ink">{t("english")}</legend>
          <TextField label={t("titleField")} name="titleEn" errors={problem?.fields.titleEn} />
          <TextArea label={t("bodyField")} name="bodyEn" errors={problem?.fields.bodyEn} />
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-[13px] font-semibold text-ink">{t("chinese")}</legend>
          <TextField label={t("titleField")} name="titleZh" errors={problem?.fields.titleZh} />
          <TextArea label={t("bodyField")} name="bodyZh" errors={problem?.fields.bodyZh} />
        </fieldset>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={t("startsAt")}
          name="startsAt"
          type="datetime-local"
          hint={t("startsAtHint")}
          errors={problem?.fields.startsAt}
        />
        <TextField
          label={t("endsAt")}
          name="endsAt"
          type="datetime-local"
          hint={t("endsAtHint")}
          errors={problem?.fields.endsAt}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={create.isPending}
          className={buttonClasses("primary", "md")}
        >
          {t("submit")}
        </button>
        {problem ? (
          <span role="alert" className="text-[13px] text-down">
            {problem.message}
          </span>
        ) : null}
        {done ? (
          <span role="status" className="text-[13px] text-up">
            {t("published")}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function TextArea({ label, name, errors }: { label: string; name: string; errors?: string[] }) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-ink-muted">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-message` : undefined}
        className={`w-full rounded-md bg-canvas px-3 py-2 text-sm text-ink ring-1 ring-inset outline-none focus:ring-2 ${
          invalid ? "ring-down" : "ring-line-strong hover:ring-ink-faint focus:ring-brand"
        }`}
      />
      {invalid ? (
        <ul id={`${id}-message`} className="flex flex-col gap-0.5 text-[13px] text-down">
          {errors?.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Every announcement, newest first; a live or scheduled one can be ended. */
export function AnnouncementList({ announcements }: { announcements: readonly AnnouncementRow[] }) {
  const t = useTranslations("announcements.list");
  const format = useFormatter();
  if (announcements.length === 0) {
    return <p className="text-[13px] text-ink-faint">{t("none")}</p>;
  }
  return (
    <ul className="flex flex-col divide-y divide-line" aria-label={t("title")}>
      {announcements.map((a) => (
        <li key={a.id} data-testid="announcement-row" className="flex flex-col gap-1 py-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]">
            {/* What operations typed, in whichever language: data, not the console's words. */}
            <span translate="no" className="font-semibold text-ink">
              {a.titleEn ?? a.titleZh}
            </span>
            {a.titleEn && a.titleZh ? (
              <span translate="no" className="text-ink-muted">
                {a.titleZh}
              </span>
            ) : null}
            <span className={a.state === "LIVE" ? "text-up" : "text-ink-faint"}>
              {t(`states.${a.state}`)}
            </span>
            <span className="text-ink-faint">
              {[a.titleEn ? t("english") : null, a.titleZh ? t("chinese") : null]
                .filter(Boolean)
                .join(" · ")}
            </span>
            {a.state !== "ENDED" ? <EndAnnouncement id={a.id} /> : null}
          </div>
          <p className="text-xs text-ink-faint tabular-nums">
            {t("window", {
              start: a.startsAt ? format.dateTime(a.startsAt, "dateTime") : t("startOpen"),
              end: a.endsAt ? format.dateTime(a.endsAt, "dateTime") : t("endOpen"),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function EndAnnouncement({ id }: { id: number }) {
  const t = useTranslations("announcements.list");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const end = useMutation(trpc.announcements.end.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="ml-auto flex items-center gap-2">
      <button
        type="button"
        disabled={end.isPending}
        onClick={() =>
          end.mutate(
            { id },
            { onSuccess: () => router.refresh(), onError: (e) => setProblem(errorText(e)) },
          )
        }
        className={`${buttonClasses("ghost", "sm")} max-sm:h-10`}
      >
        {t("end")}
      </button>
      {problem ? (
        <span role="alert" className="text-xs text-down">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
