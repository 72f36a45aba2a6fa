import { useTranslations } from "next-intl";

const TONES = {
  PENDING: "bg-warn/10 text-warn ring-warn/25",
  APPROVED: "bg-up/10 text-up ring-up/25",
  REJECTED: "bg-down/10 text-down ring-down/25",
} as const;

export function KycStatusBadge({ status }: { status: keyof typeof TONES }) {
  const t = useTranslations("common.kycStatus");
  return (
    <span
      data-testid="kyc-status"
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide whitespace-nowrap uppercase ring-1 ring-inset ${TONES[status]}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {t(status)}
    </span>
  );
}

/** A trader's KYC level as a compact chip: level 0 is unverified, anything above verified. */
export function KycLevelBadge({ level }: { level: number }) {
  const t = useTranslations("common");
  const verified = level >= 1;
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold whitespace-nowrap tabular-nums ring-1 ring-inset ${
        verified ? "bg-up/10 text-up ring-up/25" : "bg-raised text-ink-muted ring-line-strong"
      }`}
    >
      {verified ? t("kycLevelVerified", { level }) : t("kycLevelUnverified", { level })}
    </span>
  );
}
