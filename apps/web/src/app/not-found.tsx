import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HOME_PATH } from "@/lib/paths";

export async function generateMetadata() {
  const t = await getTranslations("common.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-4 px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand tabular-nums">{t("code")}</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="max-w-sm text-ink-muted">{t("body")}</p>
      <Link href={HOME_PATH} className={buttonClasses("secondary", "md")}>
        {t("home")}
      </Link>
    </div>
  );
}
