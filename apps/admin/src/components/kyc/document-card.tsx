"use client";

import { buttonClasses } from "@exchange/ui";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useState } from "react";

type DocumentKind = "FRONT" | "BACK" | "SELFIE";

export interface DocumentView {
  id: number;
  kind: DocumentKind;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** The digest's algorithm, as its name is written in every language. */
const DIGEST_NAME = "sha256";

/** Where an image stands: its bytes are on the way, shown, or they did not come. */
type ImageState = "loading" | "shown" | "failed";

function useByteSize(): (bytes: number) => string {
  const format = useFormatter();
  return (bytes) => {
    if (bytes < 1024) return format.number(bytes, { style: "unit", unit: "byte" });
    if (bytes < 1024 * 1024) {
      return format.number(bytes / 1024, {
        style: "unit",
        unit: "kilobyte",
        maximumFractionDigits: 0,
      });
    }
    return format.number(bytes / (1024 * 1024), {
      style: "unit",
      unit: "megabyte",
      maximumFractionDigits: 1,
    });
  };
}

/**
 * One uploaded file. The bytes come from the authorised document route, never a public URL;
 * `canView` false (staff without the COMPLIANCE role) shows a lock instead of a broken image.
 * A photo takes seconds to arrive: until it has, the panel says it is loading; if it never
 * does, it says so and offers to fetch it again.
 */
export function DocumentCard({ document, canView }: { document: DocumentView; canView: boolean }) {
  const t = useTranslations("kyc.document");
  const byteSize = useByteSize();
  const kind = t(`kinds.${document.kind}`);
  const isPdf = document.contentType === "application/pdf";
  return (
    <figure
      data-testid={`kyc-document-${document.kind.toLowerCase()}`}
      className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-line bg-surface"
    >
      <figcaption className="flex items-center justify-between gap-2 border-b border-line px-3 py-2">
        <span className="text-[13px] font-medium text-ink">{kind}</span>
        <span className="font-mono text-[11px] whitespace-nowrap text-ink-faint">
          {document.contentType.replace("image/", "").replace("application/", "").toUpperCase()} ·{" "}
          {byteSize(document.sizeBytes)}
        </span>
      </figcaption>
      <div className="relative grid aspect-[4/3] place-items-center bg-[repeating-conic-gradient(#161b22_0_25%,#12161c_0_50%)] bg-[length:16px_16px]">
        {!canView ? (
          <p className="px-6 text-center text-xs text-ink-muted">{t("complianceOnly")}</p>
        ) : isPdf ? (
          <a
            href={`/api/kyc/documents/${document.id}`}
            target="_blank"
            rel="noreferrer"
            className="inline-flex min-h-10 items-center text-sm text-brand"
          >
            {t("openPdf")}
          </a>
        ) : (
          <DocumentImage id={document.id} kind={kind} />
        )}
      </div>
      <p
        className="truncate border-t border-line px-3 py-1.5 font-mono text-[10px] text-ink-faint"
        title={document.sha256}
      >
        {DIGEST_NAME} {document.sha256}
      </p>
    </figure>
  );
}

/** The photo, with its loading and failed states over it. */
function DocumentImage({ id, kind }: { id: number; kind: string }) {
  const t = useTranslations("kyc.document");
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ImageState>("loading");
  const src = `/api/kyc/documents/${id}${attempt === 0 ? "" : `?attempt=${attempt}`}`;
  // An image served before hydration has already fired its load event: read where it stands.
  const measure = useCallback((image: HTMLImageElement | null) => {
    if (image?.complete) setState(image.naturalWidth > 0 ? "shown" : "failed");
  }, []);
  return (
    <>
      <a
        href={src}
        target="_blank"
        rel="noreferrer"
        aria-label={t("openFull", { kind })}
        className={`block size-full ${state === "failed" ? "invisible" : ""}`}
      >
        {/* biome-ignore lint/performance/noImgElement: private bytes from an authorised route; next/image would cache them */}
        <img
          key={attempt}
          ref={measure}
          src={src}
          alt={kind}
          onLoad={() => setState("shown")}
          onError={() => setState("failed")}
          className={`size-full object-contain transition-opacity ${state === "shown" ? "opacity-100" : "opacity-0"}`}
        />
      </a>
      {state === "loading" ? (
        <div
          role="status"
          data-testid="document-loading"
          className="absolute inset-0 grid place-items-center"
        >
          <span
            className="absolute inset-3 animate-pulse rounded-md bg-raised/70"
            aria-hidden="true"
          />
          <span className="relative text-xs text-ink-muted">{t("loading")}</span>
        </div>
      ) : null}
      {state === "failed" ? (
        <div
          role="alert"
          data-testid="document-error"
          className="absolute inset-0 flex flex-col items-center justify-center gap-3 px-6 text-center"
        >
          <p className="text-xs text-down">{t("failed")}</p>
          <button
            type="button"
            onClick={() => {
              setState("loading");
              setAttempt((n) => n + 1);
            }}
            className={`${buttonClasses("secondary", "sm")} min-h-10`}
          >
            {t("retry")}
          </button>
        </div>
      ) : null}
    </>
  );
}
