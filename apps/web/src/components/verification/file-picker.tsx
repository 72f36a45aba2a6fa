"use client";

import { useTranslations } from "next-intl";
import { type ChangeEvent, useEffect, useId, useState } from "react";

/**
 * One document upload: a labelled drop area with a preview of the chosen image, so the
 * applicant sees they picked the right photo before sending it.
 */
export function FilePicker({
  label,
  name,
  hint,
  accept,
  errors,
  onPick,
}: {
  label: string;
  name: string;
  hint: string;
  accept: string;
  errors?: readonly string[] | undefined;
  onPick: (file: File | null) => void;
}) {
  const t = useTranslations("verification.kycForm");
  const id = useId();
  const [preview, setPreview] = useState<{ url: string | null; name: string } | null>(null);
  useEffect(
    () => () => {
      if (preview?.url) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  function change(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0] ?? null;
    onPick(file);
    setPreview(
      file
        ? {
            url: file.type.startsWith("image/") ? URL.createObjectURL(file) : null,
            name: file.name,
          }
        : null,
    );
  }

  const invalid = Boolean(errors?.length);
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-ink-muted">
        {label}
      </label>
      <label
        htmlFor={id}
        className={`group relative grid aspect-[4/3] cursor-pointer place-items-center overflow-hidden rounded-md bg-canvas ring-1 ring-inset transition-colors hover:bg-raised/40 ${
          invalid ? "ring-down" : "ring-line-strong hover:ring-ink-faint"
        }`}
      >
        {preview?.url ? (
          // biome-ignore lint/performance/noImgElement: a local object URL preview, never fetched
          <img src={preview.url} alt="" className="size-full object-cover" />
        ) : (
          <span className="flex flex-col items-center gap-1.5 px-3 text-center">
            <svg
              viewBox="0 0 24 24"
              aria-hidden="true"
              className="size-6 text-ink-faint"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            >
              <path
                strokeLinecap="round"
                strokeLinejoin="round"
                d="M3 16.5v2.25A2.25 2.25 0 0 0 5.25 21h13.5A2.25 2.25 0 0 0 21 18.75V16.5m-13.5-9L12 3m0 0 4.5 4.5M12 3v13.5"
              />
            </svg>
            <span className="text-xs text-ink-muted">
              {preview ? preview.name : t("chooseFile")}
            </span>
          </span>
        )}
        {preview ? (
          <span className="absolute inset-x-0 bottom-0 truncate bg-canvas/80 px-2 py-1 text-[11px] text-ink-muted">
            {preview.name}
          </span>
        ) : null}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        onChange={change}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-message`}
        className="sr-only"
      />
      {invalid ? (
        <p id={`${id}-message`} className="text-[13px] text-down">
          {errors?.join(" ")}
        </p>
      ) : (
        <p id={`${id}-message`} className="text-xs text-ink-faint">
          {hint}
        </p>
      )}
    </div>
  );
}
