"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const LOOK = {
  /** The header's row of sections, underlined when current. */
  bar: {
    base: "relative flex h-14 shrink-0 items-center px-3 text-[13px] font-medium transition-colors",
    current:
      "text-ink after:absolute after:inset-x-3 after:bottom-0 after:h-0.5 after:rounded-full after:bg-brand",
    other: "text-ink-muted hover:text-ink",
  },
  /** The phone menu's list: full-width rows tall enough for a thumb. */
  stacked: {
    base: "flex h-12 items-center rounded-md px-3 text-[15px] font-medium transition-colors",
    current: "bg-raised text-ink shadow-[inset_3px_0_0_var(--color-brand)]",
    other: "text-ink-muted hover:bg-raised hover:text-ink",
  },
} as const;

/** Whether `pathname` is within the section at `href` ("/" only matches itself). */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A header navigation link that marks itself current for its section. */
export function NavLink({
  href,
  children,
  variant = "bar",
}: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof LOOK;
}) {
  const pathname = usePathname();
  const current = isCurrentSection(pathname, href);
  const look = LOOK[variant];
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`${look.base} ${current ? look.current : look.other}`}
    >
      {children}
    </Link>
  );
}
