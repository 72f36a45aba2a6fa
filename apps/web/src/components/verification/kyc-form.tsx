"use client";

import {
  COUNTRIES,
  KYC_DOCUMENT_TYPES,
  KYC_FILE_FIELDS,
  KYC_MAX_FILE_BYTES,
  KYC_MINIMUM_AGE_YEARS,
  type KycDocumentType,
  type KycFileKind,
  requiredFileKinds,
} from "@exchange/api/client";
import { buttonClasses, FormAlert, Spinner, TextField, useHydrated, useToast } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useMemo, useState } from "react";
import { countryNameIn } from "./country-name";
import { FilePicker } from "./file-picker";

type Errors = Record<string, string[]>;

const IMAGE_TYPES = "image/jpeg,image/png,image/webp";
const MAX_MB = KYC_MAX_FILE_BYTES / (1024 * 1024);

/** The latest date of birth that is old enough today, for the date picker's upper bound. */
function latestAdultBirthDate(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - KYC_MINIMUM_AGE_YEARS);
  return date.toISOString().slice(0, 10);
}

/** Checks a browser can make before uploading; the server checks the bytes themselves. */
function fileTooLarge(file: File | null): boolean {
  return file !== null && file.size > KYC_MAX_FILE_BYTES;
}

/**
 * The identity form. Files go to the web app's upload route as multipart form data; every rule
 * is enforced there, this form only spares the applicant an obviously doomed upload.
 */
export function KycForm({
  previous,
}: {
  previous?: { legalName: string; country: string; documentType: KycDocumentType } | undefined;
}) {
  const t = useTranslations("verification");
  const errorText = useErrorText();
  const router = useRouter();
  const toast = useToast();
  const [documentType, setDocumentType] = useState<KycDocumentType>(
    previous?.documentType ?? "PASSPORT",
  );
  const [files, setFiles] = useState<Partial<Record<KycFileKind, File | null>>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  // Until the page is live, a pick of files or of the document type would not be kept.
  const hydrated = useHydrated();
  const kinds = requiredFileKinds(documentType);

  function pick(kind: KycFileKind, file: File | null) {
    setFiles((current) => ({ ...current, [kind]: file }));
    const problem = fileTooLarge(file) ? t("kycForm.fileTooLarge", { mb: MAX_MB }) : undefined;
    setErrors(({ [KYC_FILE_FIELDS[kind]]: _stale, _: _form, ...rest }) =>
      problem ? { ...rest, [KYC_FILE_FIELDS[kind]]: [problem] } : rest,
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    for (const kind of ["FRONT", "BACK", "SELFIE"] as const) {
      form.delete(KYC_FILE_FIELDS[kind]);
      const file = files[kind];
      if (file && kinds.includes(kind)) form.set(KYC_FILE_FIELDS[kind], file);
    }
    form.set("documentType", documentType);
    setPending(true);
    try {
      const response = await fetch("/api/kyc/submissions", { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as {
        error?: { message?: string; code?: string; fieldErrors?: Errors };
      };
      if (response.ok) {
        setErrors({});
        toast({
          tone: "success",
          title: t("kycForm.submitted"),
          description: t("kycForm.submittedBody"),
        });
        router.refresh();
        return;
      }
      const fieldErrors = body.error?.fieldErrors ?? {};
      // The route's answer in the viewer's language by its code; its own sentence in English.
      const said = (fallback: string) =>
        body.error?.message
          ? errorText({ message: body.error.message, data: { appCode: body.error.code } })
          : fallback;
      setErrors(
        Object.keys(fieldErrors).length > 0
          ? { ...fieldErrors, _: [said(t("kycForm.checkFields"))] }
          : { _: [said(t("kycForm.notAccepted"))] },
      );
    } catch {
      setErrors({ _: [t("kycForm.unreachable")] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("kycForm.label")}
      className="flex flex-col gap-5"
    >
      {errors._ ? <FormAlert>{errors._.join(" ")}</FormAlert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={t("kycForm.legalName")}
          name="legalName"
          autoComplete="name"
          defaultValue={previous?.legalName}
          hint={t("kycForm.legalNameHint")}
          errors={errors.legalName}
        />
        <TextField
          label={t("kycForm.dateOfBirth")}
          name="dateOfBirth"
          type="date"
          max={latestAdultBirthDate()}
          autoComplete="bday"
          hint={t("kycForm.dateOfBirthHint", { age: KYC_MINIMUM_AGE_YEARS })}
          errors={errors.dateOfBirth}
          className="[color-scheme:dark]"
        />
        <CountrySelect defaultValue={previous?.country} errors={errors.country} />
        <TextField
          label={t("kycForm.documentNumber")}
          name="documentNumber"
          autoComplete="off"
          spellCheck={false}
          hint={t("kycForm.documentNumberHint")}
          errors={errors.documentNumber}
          className="font-mono uppercase"
        />
      </div>

      <fieldset className="flex min-w-0 flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-ink-muted">
          {t("kycForm.documentType")}
        </legend>
        <div className="grid grid-cols-1 gap-1 rounded-md bg-canvas p-0.5 ring-1 ring-line ring-inset min-[420px]:grid-cols-3">
          {KYC_DOCUMENT_TYPES.map((type) => (
            <label
              key={type}
              className={`relative flex h-10 cursor-pointer items-center justify-center rounded text-[13px] font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand ${
                documentType === type
                  ? "bg-raised text-ink ring-1 ring-line-strong ring-inset"
                  : "text-ink-muted hover:text-ink"
              }`}
            >
              <input
                type="radio"
                name="documentTypeChoice"
                value={type}
                checked={documentType === type}
                onChange={() => setDocumentType(type)}
                className="absolute inset-0 cursor-pointer appearance-none rounded opacity-0"
              />
              {t(`documentTypes.${type}`)}
            </label>
          ))}
        </div>
        {errors.documentType ? (
          <p className="text-[13px] text-down">{errors.documentType.join(" ")}</p>
        ) : null}
      </fieldset>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {kinds.map((kind) => (
          <FilePicker
            key={kind}
            label={t(`kycForm.files.${kind}.label`)}
            name={KYC_FILE_FIELDS[kind]}
            hint={t(`kycForm.files.${kind}.hint`, { mb: MAX_MB })}
            accept={kind === "SELFIE" ? IMAGE_TYPES : `${IMAGE_TYPES},application/pdf`}
            errors={errors[KYC_FILE_FIELDS[kind]]}
            onPick={(file) => pick(kind, file)}
          />
        ))}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
        <p className="max-w-md text-xs text-ink-faint">{t("kycForm.privacy")}</p>
        <button
          type="submit"
          disabled={pending || !hydrated}
          aria-busy={pending}
          className={buttonClasses("primary")}
        >
          {pending ? <Spinner /> : null}
          {t("kycForm.submit")}
        </button>
      </div>
    </form>
  );
}

function CountrySelect({
  defaultValue,
  errors,
}: {
  defaultValue?: string | undefined;
  errors?: string[] | undefined;
}) {
  const t = useTranslations("verification.kycForm");
  const locale = useLocale();
  // Names in the viewer's language, in that language's order.
  const countries = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return COUNTRIES.map((country) => ({
      code: country.code,
      name: countryNameIn(locale, country.code),
    })).sort((a, b) => collator.compare(a.name, b.name));
  }, [locale]);
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="kyc-country" className="text-[13px] font-medium text-ink-muted">
        {t("country")}
      </label>
      <select
        id="kyc-country"
        name="country"
        defaultValue={defaultValue ?? ""}
        aria-invalid={invalid || undefined}
        className={`h-10 w-full rounded-md bg-canvas px-3 text-sm text-ink ring-1 ring-inset outline-none focus:ring-2 ${
          invalid ? "ring-down" : "ring-line-strong hover:ring-ink-faint focus:ring-brand"
        }`}
      >
        <option value="" disabled>
          {t("chooseCountry")}
        </option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      {invalid ? (
        <p className="text-[13px] text-down">{errors?.join(" ")}</p>
      ) : (
        <p className="text-xs text-ink-faint">{t("countryHint")}</p>
      )}
    </div>
  );
}
