import { Spinner } from "@exchange/ui";
import { useTranslations } from "next-intl";

/** The review's status is read on the server: say so while it is on its way. */
export default function VerificationLoading() {
  const t = useTranslations("verification");
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <div
        role="status"
        className="flex items-center gap-2 rounded-lg border border-line bg-surface p-5 text-[13px] text-ink-muted"
      >
        <Spinner />
        {t("loading")}
      </div>
    </div>
  );
}
