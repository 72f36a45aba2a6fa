import { BrandMark, buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { AccountMenu, PhoneAccountMenu } from "./account-menu";
import { HeaderLocaleSwitcher } from "./header-locale-switcher";
import { NavLink } from "./nav-link";
import { NotificationBell } from "./notifications/notification-bell";
import { PhoneMenu } from "./phone-menu";
import { VerificationLink } from "./verification/verification-link";

/** The link that lets a keyboard skip the header: the first thing Tab reaches on every page. */
export async function SkipLink() {
  const t = await getTranslations("nav");
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-raised px-4 py-2 font-medium text-ink ring-2 ring-brand focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      {t("skipToContent")}
    </a>
  );
}

/**
 * Where the header folds into the phone menu: at 768 px for visitors, at 1024 px for a logged-in
 * trader, whose header also holds the wallet, the verification badge and the account, and
 * would not fit a tablet's width in one row. Whole class names, so Tailwind finds them.
 */
const FOLD = {
  visitor: { bar: "md:flex", block: "md:block", menu: "md" },
  trader: { bar: "lg:flex", block: "lg:block", menu: "lg" },
} as const;

/**
 * The site's header. From 768 px the sections sit in a row with the account and the language
 * beside them; on a phone they fold into one menu button, leaving the logo, the call to sign
 * up (or the verification badge) and the button.
 */
export async function SiteHeader() {
  const t = await getTranslations("nav");
  const trader = await currentTrader();
  const fold = FOLD[trader ? "trader" : "visitor"];
  const sections = (variant: "bar" | "stacked") => (
    <>
      <NavLink href="/markets" variant={variant}>
        {t("markets")}
      </NavLink>
      <NavLink href="/trade" variant={variant}>
        {t("trade")}
      </NavLink>
      <NavLink href="/futures" variant={variant}>
        {t("futures")}
      </NavLink>
      {trader ? (
        <NavLink href="/wallet" variant={variant}>
          {t("wallet")}
        </NavLink>
      ) : null}
      <NavLink href="/earn" variant={variant}>
        {t("earn")}
      </NavLink>
      {trader ? (
        <NavLink href="/loans" variant={variant}>
          {t("loans")}
        </NavLink>
      ) : null}
    </>
  );
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/95 backdrop-blur">
      <div className="relative mx-auto flex h-14 max-w-7xl items-center gap-3 px-3 sm:px-6 md:gap-6">
        <BrandMark href="/" label={t("home")} />
        <nav aria-label={t("main")} className={`hidden h-full items-center ${fold.bar}`}>
          {sections("bar")}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <div className={`hidden ${fold.block}`}>
            <HeaderLocaleSwitcher signedIn={trader !== null} />
          </div>
          {trader ? (
            <>
              <VerificationLink />
              <NotificationBell />
              <div className={`hidden ${fold.block}`}>
                <AccountMenu email={trader.email} />
              </div>
            </>
          ) : (
            <>
              <Link href="/login" className={`${buttonClasses("ghost", "sm")} max-md:hidden`}>
                {t("logIn")}
              </Link>
              <Link href="/register" className={`${buttonClasses("primary", "sm")} max-md:h-10`}>
                {t("signUp")}
              </Link>
            </>
          )}
          <PhoneMenu below={fold.menu}>
            <nav aria-label={t("main")} className="flex flex-col gap-1">
              {sections("stacked")}
            </nav>
            <div className="mt-3 flex flex-col gap-3">
              {trader ? (
                <PhoneAccountMenu email={trader.email} />
              ) : (
                <div className="grid grid-cols-2 gap-2 border-t border-line pt-3">
                  <Link href="/login" className={buttonClasses("secondary", "md")}>
                    {t("logIn")}
                  </Link>
                  <Link href="/register" className={buttonClasses("primary", "md")}>
                    {t("signUp")}
                  </Link>
                </div>
              )}
              <div className="flex items-center justify-between gap-3 border-t border-line px-3 pt-3">
                <span className="text-xs text-ink-muted">{t("language")}</span>
                <HeaderLocaleSwitcher signedIn={trader !== null} />
              </div>
            </div>
          </PhoneMenu>
        </div>
      </div>
    </header>
  );
}
