import { buttonClasses, LogOutButton } from "@exchange/ui";
import Link from "next/link";
import { logOut } from "@/app/actions/session-actions";

/** The logged-in trader's identity, their security settings and the way out. */
export function AccountMenu({ email }: { email: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="flex items-center gap-2" data-testid="account-email">
        <span
          aria-hidden="true"
          className="hidden size-7 place-items-center sm:grid rounded-full bg-raised text-xs font-semibold text-ink uppercase ring-1 ring-line-strong"
        >
          {email.charAt(0)}
        </span>
        <span className="hidden max-w-56 truncate text-[13px] text-ink-muted sm:inline">
          {email}
        </span>
      </div>
      <Link href="/account/security" className={buttonClasses("ghost", "sm")}>
        Security
      </Link>
      <LogOutButton logOut={logOut} />
    </div>
  );
}
