import { AuthCard, BrandMark } from "@exchange/ui";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The frame of the staff log-in steps: the console's mark over one focused card. */
export function StaffAuthFrame({
  title,
  subtitle,
  children,
  wide = false,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  /** Room for a QR code beside its key (enrolment). */
  wide?: boolean;
}) {
  const t = useTranslations("auth");
  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden px-4 py-12">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-96 bg-[radial-gradient(ellipse_at_top,--theme(--color-brand/10%),transparent_65%)]"
      />
      <div
        className={`relative flex w-full flex-col items-center gap-8 ${wide ? "max-w-[480px]" : "max-w-[400px]"}`}
      >
        <BrandMark href="/" label={t("brandLabel")} tag={t("brandTag")} />
        <AuthCard title={title} subtitle={subtitle}>
          {children}
        </AuthCard>
      </div>
    </main>
  );
}
