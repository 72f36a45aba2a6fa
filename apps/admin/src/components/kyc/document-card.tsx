const KIND_LABELS = {
  FRONT: "Document front",
  BACK: "Document back",
  SELFIE: "Selfie with document",
};

export interface DocumentView {
  id: number;
  kind: keyof typeof KIND_LABELS;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * One uploaded file. The bytes come from the authorised document route, never a public URL;
 * `canView` false (staff without the COMPLIANCE role) shows a lock instead of a broken image.
 */
export function DocumentCard({ document, canView }: { document: DocumentView; canView: boolean }) {
  const src = `/api/kyc/documents/${document.id}`;
  const isPdf = document.contentType === "application/pdf";
  return (
    <figure
      data-testid={`kyc-document-${document.kind.toLowerCase()}`}
      className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-line bg-surface"
    >
      <figcaption className="flex items-center justify-between border-b border-line px-3 py-2">
        <span className="text-[13px] font-medium text-ink">{KIND_LABELS[document.kind]}</span>
        <span className="font-mono text-[11px] text-ink-faint">
          {document.contentType.replace("image/", "").replace("application/", "").toUpperCase()} ·{" "}
          {formatBytes(document.sizeBytes)}
        </span>
      </figcaption>
      <div className="grid aspect-[4/3] place-items-center bg-[repeating-conic-gradient(#161b22_0_25%,#12161c_0_50%)] bg-[length:16px_16px]">
        {!canView ? (
          <p className="px-6 text-center text-xs text-ink-muted">
            Identity documents are visible to compliance staff only.
          </p>
        ) : isPdf ? (
          <a href={src} target="_blank" rel="noreferrer" className="text-sm text-brand">
            Open PDF scan ↗
          </a>
        ) : (
          <a href={src} target="_blank" rel="noreferrer" className="block size-full">
            {/* biome-ignore lint/performance/noImgElement: private bytes from an authorised route; next/image would cache them */}
            <img src={src} alt={KIND_LABELS[document.kind]} className="size-full object-contain" />
          </a>
        )}
      </div>
      <p
        className="truncate border-t border-line px-3 py-1.5 font-mono text-[10px] text-ink-faint"
        title={document.sha256}
      >
        sha256 {document.sha256}
      </p>
    </figure>
  );
}
