import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { logOut } from "@/app/actions/session-actions";

/** The logged-in trader's identity, their security settings, API keys, fees and the way out (wide screens). */
export function AccountMenu({ email }: { email: string }) {
  const t = useTranslations("nav");
  return (
    <div className="flex items-center gap-3">
      <div className="flex items-center gap-2" data-testid="account-email">
        <span
          aria-hidden="true"
          className="hidden size-7 place-items-center rounded-full bg-raised text-xs font-semibold text-ink uppercase ring-1 ring-line-strong lg:grid"
        >
          {email.charAt(0)}
        </span>
        <span className="hidden max-w-40 truncate text-[13px] text-ink-muted 2xl:inline">
          {email}
        </span>
      </div>
      <Link href="/account/security" className={buttonClasses("ghost", "sm")}>
        {t("security")}
      </Link>
      <Link href="/account/api-keys" className={buttonClasses("ghost", "sm")}>
        {t("apiKeys")}
      </Link>
      <Link href="/account/fees" className={buttonClasses("ghost", "sm")}>
        {t("fees")}
      </Link>
      <LogOutForm />
    </div>
  );
}

/** The phone menu's account part: who is logged in, security, and the way out, thumb-sized. */
export function PhoneAccountMenu({ email }: { email: string }) {
  const t = useTranslations("nav");
  return (
    <div className="flex flex-col gap-2 border-t border-line pt-3">
      <p className="px-3 text-xs text-ink-muted">
        {t("signedInAs")} <span className="break-all text-ink">{email}</span>
      </p>
      <Link href="/account/security" className={buttonClasses("secondary", "md")}>
        {t("security")}
      </Link>
      <Link href="/account/api-keys" className={buttonClasses("secondary", "md")}>
        {t("apiKeys")}
      </Link>
      <Link href="/account/fees" className={buttonClasses("secondary", "md")}>
        {t("fees")}
      </Link>
      <LogOutForm wide />
    </div>
  );
}

/** A form posting to the log-out server action, so it works before the page's script loads. */
function LogOutForm({ wide = false }: { wide?: boolean }) {
  const t = useTranslations("nav");
  return (
    <form action={logOut} className={wide ? "flex flex-col" : undefined}>
      <button
        type="submit"
        className={wide ? buttonClasses("ghost", "md") : buttonClasses("secondary", "sm")}
      >
        {t("logOut")}
      </button>
    </form>
  );
}
