"use client";

import {
  COUNTRIES,
  KYC_DOCUMENT_TYPE_LABELS,
  KYC_DOCUMENT_TYPES,
  KYC_FILE_FIELDS,
  KYC_MAX_FILE_BYTES,
  KYC_MINIMUM_AGE_YEARS,
  type KycDocumentType,
  type KycFileKind,
  requiredFileKinds,
} from "@exchange/api/client";
import { buttonClasses, FormAlert, Spinner, TextField, useToast } from "@exchange/ui";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FilePicker } from "./file-picker";

type Errors = Record<string, string[]>;

const IMAGE_TYPES = "image/jpeg,image/png,image/webp";
const MAX_MB = KYC_MAX_FILE_BYTES / (1024 * 1024);

const FILE_COPY: Record<KycFileKind, { label: string; hint: string }> = {
  FRONT: {
    label: "Document front",
    hint: `The side with your photo. JPEG, PNG, WebP or PDF, up to ${MAX_MB} MB.`,
  },
  BACK: {
    label: "Document back",
    hint: `The reverse side. JPEG, PNG, WebP or PDF, up to ${MAX_MB} MB.`,
  },
  SELFIE: {
    label: "Selfie with the document",
    hint: `Your face and the document in one photo, up to ${MAX_MB} MB.`,
  },
};

/** The latest date of birth that is old enough today, for the date picker's upper bound. */
function latestAdultBirthDate(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - KYC_MINIMUM_AGE_YEARS);
  return date.toISOString().slice(0, 10);
}

/** Checks a browser can make before uploading; the server checks the bytes themselves. */
function fileHint(file: File | null): string | undefined {
  return file && file.size > KYC_MAX_FILE_BYTES
    ? `The file is larger than ${MAX_MB} MB.`
    : undefined;
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
  const router = useRouter();
  const toast = useToast();
  const [documentType, setDocumentType] = useState<KycDocumentType>(
    previous?.documentType ?? "PASSPORT",
  );
  const [files, setFiles] = useState<Partial<Record<KycFileKind, File | null>>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const kinds = requiredFileKinds(documentType);

  function pick(kind: KycFileKind, file: File | null) {
    setFiles((current) => ({ ...current, [kind]: file }));
    const problem = fileHint(file);
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
        error?: { message?: string; fieldErrors?: Errors };
      };
      if (response.ok) {
        setErrors({});
        toast({
          tone: "success",
          title: "Submitted for review",
          description: "We'll email you when it's decided.",
        });
        router.refresh();
        return;
      }
      const fieldErrors = body.error?.fieldErrors ?? {};
      setErrors(
        Object.keys(fieldErrors).length > 0
          ? { ...fieldErrors, _: [body.error?.message ?? "Check the highlighted fields."] }
          : { _: [body.error?.message ?? "The submission was not accepted. Please try again."] },
      );
    } catch {
      setErrors({ _: ["The exchange could not be reached. Check your connection and try again."] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Identity verification"
      className="flex flex-col gap-5"
    >
      {errors._ ? <FormAlert>{errors._.join(" ")}</FormAlert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label="Full legal name"
          name="legalName"
          autoComplete="name"
          defaultValue={previous?.legalName}
          hint="Exactly as printed on your document."
          errors={errors.legalName}
        />
        <TextField
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          max={latestAdultBirthDate()}
          autoComplete="bday"
          hint={`You must be ${KYC_MINIMUM_AGE_YEARS} or older.`}
          errors={errors.dateOfBirth}
          className="[color-scheme:dark]"
        />
        <CountrySelect defaultValue={previous?.country} errors={errors.country} />
        <TextField
          label="Document number"
          name="documentNumber"
          autoComplete="off"
          spellCheck={false}
          hint="Letters and digits as printed."
          errors={errors.documentNumber}
          className="font-mono uppercase"
        />
      </div>

      <fieldset className="flex min-w-0 flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-ink-muted">Document type</legend>
        <div className="grid grid-cols-3 gap-1 rounded-md bg-canvas p-0.5 ring-1 ring-line ring-inset">
          {KYC_DOCUMENT_TYPES.map((type) => (
            <label
              key={type}
              className={`relative flex h-9 cursor-pointer items-center justify-center rounded text-[13px] font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand ${
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
              {KYC_DOCUMENT_TYPE_LABELS[type]}
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
            label={FILE_COPY[kind].label}
            name={KYC_FILE_FIELDS[kind]}
            hint={FILE_COPY[kind].hint}
            accept={kind === "SELFIE" ? IMAGE_TYPES : `${IMAGE_TYPES},application/pdf`}
            errors={errors[KYC_FILE_FIELDS[kind]]}
            onPick={(file) => pick(kind, file)}
          />
        ))}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
        <p className="max-w-md text-xs text-ink-faint">
          Your documents are kept apart from the website and only our compliance team can open them.
        </p>
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className={buttonClasses("primary")}
        >
          {pending ? <Spinner /> : null}
          Submit for review
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
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="kyc-country" className="text-[13px] font-medium text-ink-muted">
        Issuing country
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
          Choose a country
        </option>
        {COUNTRIES.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      {invalid ? (
        <p className="text-[13px] text-down">{errors?.join(" ")}</p>
      ) : (
        <p className="text-xs text-ink-faint">The country that issued your document.</p>
      )}
    </div>
  );
}
