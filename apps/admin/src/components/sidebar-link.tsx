"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A console navigation entry that marks itself current (the dashboard only on "/"). */
export function SidebarLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`relative flex h-10 shrink-0 lg:h-9 items-center gap-2.5 rounded-md px-3 text-[13px] font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-brand ${
        current
          ? "bg-raised text-ink before:absolute before:inset-y-2 before:left-0 before:w-0.5 before:rounded-full before:bg-brand"
          : "text-ink-muted hover:bg-raised/60 hover:text-ink"
      }`}
    >
      {children}
    </Link>
  );
}
