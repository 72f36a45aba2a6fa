import Link from "next/link";
import type { ReactNode } from "react";

/** A text link in the auth pages' footers and messages. */
export function AuthLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex min-h-10 items-center font-medium text-brand hover:text-brand-hover"
    >
      {children}
    </Link>
  );
}
