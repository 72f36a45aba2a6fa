import { useTranslations } from "next-intl";
import { buttonClasses } from "./button-styles";

/** What Next.js gives an error.tsx page: the error (its digest matches the server log) and a retry. */
export interface ErrorPageProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** Renders the failed segment again; most failures here are a database or engine hiccup. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("ui.errorPage");
  return (
    <button type="button" onClick={onRetry} className={buttonClasses("secondary", "md")}>
      {t("retry")}
    </button>
  );
}
