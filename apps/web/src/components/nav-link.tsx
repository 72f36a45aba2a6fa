"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A header navigation link that marks itself current for its section. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`relative flex h-11 shrink-0 items-center px-2 text-[13px] sm:h-14 sm:px-3 font-medium transition-colors ${
        current
          ? "text-ink after:absolute after:inset-x-2 after:bottom-0 sm:after:inset-x-3 after:h-0.5 after:rounded-full after:bg-brand"
          : "text-ink-muted hover:text-ink"
      }`}
    >
      {children}
    </Link>
  );
}
