import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * Enrolment's instructions: the QR code to scan, the same secret as text for typing, and the
 * app's confirm form underneath (`children`).
 */
export function TwoFactorSetup({
  qrCodeDataUrl,
  secret,
  children,
}: {
  qrCodeDataUrl: string;
  secret: string;
  children: ReactNode;
}) {
  const t = useTranslations("ui.twoFactorSetup");
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="flex flex-col gap-5">
      <ol className="flex flex-col gap-1.5 text-[13px] text-ink-muted">
        <li>
          <span className="font-medium text-ink">1.</span> {t("step1")}
        </li>
        <li>
          <span className="font-medium text-ink">2.</span> {t("step2")}
        </li>
        <li>
          <span className="font-medium text-ink">3.</span> {t("step3")}
        </li>
      </ol>
      <div className="flex flex-col items-center gap-4 rounded-lg bg-canvas p-4 ring-1 ring-line sm:flex-row sm:items-start">
        {/* A data URL made on the server: nothing for next/image to optimise. */}
        {/* biome-ignore lint/performance/noImgElement: data URL QR code */}
        <img
          src={qrCodeDataUrl}
          alt={t("qrAlt")}
          width={152}
          height={152}
          className="size-38 shrink-0 rounded-md bg-white p-1"
          data-testid="totp-qr"
        />
        <div className="flex min-w-0 flex-col gap-1.5">
          <span className="text-xs font-medium text-ink-faint uppercase tracking-wide">
            {t("setupKey")}
          </span>
          <code
            className="font-mono text-[13px] leading-6 break-words text-ink select-all"
            data-testid="totp-secret"
            data-secret={secret}
          >
            {grouped}
          </code>
          <span className="text-xs text-ink-faint">{t("timeBased")}</span>
        </div>
      </div>
      {children}
    </div>
  );
}
