import { getTranslations } from "next-intl/server";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResendButton } from "@/components/auth/resend-button";

export async function generateMetadata() {
  const t = await getTranslations("auth.checkEmail");
  return { title: t("metaTitle") };
}

/** After registration: the account opens once the mailed link is followed. */
export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string | string[] }>;
}) {
  const { email } = await searchParams;
  const address = typeof email === "string" ? email : undefined;
  const t = await getTranslations("auth.checkEmail");
  return (
    <AuthPanel
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("verifiedAlready")} <AuthLink href="/login">{t("logIn")}</AuthLink>
        </>
      }
    >
      <div className="flex flex-col gap-5">
        <div className="flex items-start gap-3 rounded-lg bg-canvas p-4 ring-1 ring-line">
          <MailIcon />
          <p className="text-[13px] leading-5 text-ink-muted">
            {t.rich("sentTo", {
              address: address ?? t("yourAddress"),
              b: (chunks) => (
                <strong className="font-medium text-ink" data-testid="sent-to">
                  {chunks}
                </strong>
              ),
            })}
          </p>
        </div>
        <p className="text-xs text-ink-faint">{t("nothingArrived")}</p>
        {address ? <ResendButton email={address} /> : null}
      </div>
    </AuthPanel>
  );
}

function MailIcon() {
  return (
    <span className="grid size-9 shrink-0 place-items-center rounded-full bg-brand/15 text-brand">
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-4.5" aria-hidden="true">
        <path d="M3 4a2 2 0 0 0-2 2v1.161l8.441 4.221a1.25 1.25 0 0 0 1.118 0L19 7.162V6a2 2 0 0 0-2-2H3Z" />
        <path d="m19 8.839-7.77 3.885a2.75 2.75 0 0 1-2.46 0L1 8.839V14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V8.839Z" />
      </svg>
    </span>
  );
}
