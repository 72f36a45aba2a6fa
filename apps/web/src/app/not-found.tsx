import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { HOME_PATH } from "@/lib/paths";

export default function NotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-4 px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand tabular-nums">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-sm text-ink-muted">The page you asked for does not exist or has moved.</p>
      <Link href={HOME_PATH} className={buttonClasses("secondary", "md")}>
        Back to markets
      </Link>
    </div>
  );
}
