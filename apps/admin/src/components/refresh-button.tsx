"use client";

import { buttonClasses, Spinner } from "@exchange/ui";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Reads the page's data again from the server (a server-rendered list's retry). */
export function RefreshButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
      className={`${buttonClasses("secondary", "md")} min-h-10`}
    >
      {pending ? <Spinner /> : null}
      {label}
    </button>
  );
}
