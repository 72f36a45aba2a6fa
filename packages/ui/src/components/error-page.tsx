import { buttonClasses } from "./button-styles";

/** What Next.js gives an error.tsx page: the error (its digest matches the server log) and a retry. */
export interface ErrorPageProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** Renders the failed segment again; most failures here are a database or engine hiccup. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" onClick={onRetry} className={buttonClasses("secondary", "md")}>
      Try again
    </button>
  );
}
