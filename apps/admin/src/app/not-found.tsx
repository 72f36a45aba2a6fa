import { buttonClasses } from "@exchange/ui";
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-brand tabular-nums">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-sm text-ink-muted">There is no console page at this address.</p>
      <Link href="/" className={buttonClasses("secondary", "md")}>
        Back to dashboard
      </Link>
    </div>
  );
}
