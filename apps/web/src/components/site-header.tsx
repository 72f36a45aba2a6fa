import { BrandMark, buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { currentTrader } from "@/auth";
import { HOME_PATH } from "@/lib/paths";
import { AccountMenu } from "./account-menu";
import { NavLink } from "./nav-link";
import { VerificationLink } from "./verification/verification-link";

export async function SiteHeader() {
  const trader = await currentTrader();
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 px-3 sm:h-14 sm:flex-nowrap sm:gap-6 sm:px-6">
        <BrandMark href={HOME_PATH} label="Exchange home" />
        <nav
          aria-label="Main"
          className="flex min-w-0 items-center overflow-x-auto [scrollbar-width:none] max-sm:order-last max-sm:-mx-1 max-sm:w-full max-sm:border-t max-sm:border-line"
        >
          <NavLink href="/markets">Markets</NavLink>
          <NavLink href="/trade">Trade</NavLink>
          {trader ? <NavLink href="/wallet">Wallet</NavLink> : null}
          <NavLink href="/earn">Earn</NavLink>
        </nav>
        <div className="ml-auto flex h-14 shrink-0 items-center gap-2">
          {trader ? (
            <>
              <VerificationLink />
              <AccountMenu email={trader.email} />
            </>
          ) : (
            <>
              <Link href="/login" className={buttonClasses("ghost", "sm")}>
                Log in
              </Link>
              <Link href="/register" className={buttonClasses("primary", "sm")}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
