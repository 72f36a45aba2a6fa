import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("common.notFound");
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-brand tabular-nums">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="max-w-sm text-ink-muted">{t("body")}</p>
      <Link href="/" className={`${buttonClasses("secondary", "md")} min-h-10`}>
        {t("back")}
      </Link>
    </div>
  );
}
