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
      {/* On a phone the header has room for its icon only; the name stays for assistive tech. */}
      <Link href="/account/security" aria-label="Security" className={buttonClasses("ghost", "sm")}>
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          aria-hidden="true"
          className="size-4 sm:hidden"
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M12 3 4.5 6v5.25c0 4.5 3.2 8.4 7.5 9.75 4.3-1.35 7.5-5.25 7.5-9.75V6L12 3Z"
          />
        </svg>
        <span className="max-sm:hidden">Security</span>
      </Link>
      <LogOutButton logOut={logOut} />
    </div>
  );
}
