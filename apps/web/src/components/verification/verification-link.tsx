import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { traderApi } from "@/server/trader-api";

/**
 * The header's KYC shortcut: a call to action until the trader is verified, then a quiet badge.
 * Read on each render, so it changes as soon as compliance decides.
 */
export async function VerificationLink() {
  const me = await (await traderApi()).me.profile().catch(() => null);
  if (!me) return null;
  const t = await getTranslations("verification.link");
  const verified = me.kycLevel >= 1;
  return (
    <Link
      href="/account/verification"
      data-testid="verification-link"
      className={`inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium ring-1 ring-inset transition-colors ${
        verified
          ? "text-up ring-up/25 hover:bg-up/10"
          : "bg-warn/10 text-warn ring-warn/30 hover:bg-warn/15"
      }`}
    >
      <span
        aria-hidden="true"
        className={`size-1.5 rounded-full ${verified ? "bg-up" : "bg-warn"}`}
      />
      {verified ? t("verified", { level: me.kycLevel }) : t("verify")}
    </Link>
  );
}
