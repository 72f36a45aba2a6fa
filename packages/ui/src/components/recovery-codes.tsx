import { useTranslations } from "next-intl";

/**
 * The ten recovery codes, shown once after enrolment. Each stands in for a code from the app
 * exactly once, for the day the phone is lost.
 */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const t = useTranslations("ui.recoveryCodes");
  return (
    <div className="flex flex-col gap-3">
      <p className="rounded-md bg-warn/10 px-3 py-2.5 text-[13px] text-warn ring-1 ring-warn/30 ring-inset">
        {t("warning")}
      </p>
      <ul
        className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-lg bg-canvas p-4 font-mono text-[13px] text-ink ring-1 ring-line"
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code} className="select-all">
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}
