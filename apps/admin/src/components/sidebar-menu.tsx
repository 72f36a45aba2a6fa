"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useState } from "react";

/**
 * The sidebar's body, folded behind a menu button below the desktop width (always open above
 * it). Following a link closes it again, so the page the link opened is what shows.
 */
export function SidebarMenu({
  brand,
  menuLabel,
  openLabel,
  closeLabel,
  children,
}: {
  brand: ReactNode;
  menuLabel: string;
  openLabel: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is the reason to fold the menu
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <div className="flex h-14 items-center justify-between gap-3 px-4 lg:px-5">
        {brand}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={open ? closeLabel : openLabel}
          onClick={() => setOpen((value) => !value)}
          className="inline-flex h-10 min-w-10 items-center gap-2 rounded-md px-3 text-[13px] font-medium text-ink-muted ring-1 ring-line ring-inset hover:text-ink focus-visible:outline-2 focus-visible:outline-brand lg:hidden"
        >
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            aria-hidden="true"
            className="size-5"
          >
            <path
              d={open ? "M6 6l12 12M18 6 6 18" : "M3.75 6.75h16.5M3.75 12h16.5M3.75 17.25h16.5"}
            />
          </svg>
          {menuLabel}
        </button>
      </div>
      <div id={panelId} className={`${open ? "flex" : "hidden"} flex-col lg:flex lg:flex-1`}>
        {children}
      </div>
    </>
  );
}
