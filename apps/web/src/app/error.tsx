"use client";

import { type ErrorPageProps, RetryButton } from "@exchange/ui";

/** A page failed on the server. Traders get a calm message and a retry, never a stack trace. */
export default function PageError({ error, reset }: ErrorPageProps) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-4 px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="max-w-sm text-ink-muted">
        We could not load this page. Please try again in a moment.
        {error.digest ? (
          <span className="mt-2 block text-xs text-ink-faint">
            Reference: <code className="font-mono">{error.digest}</code>
          </span>
        ) : null}
      </p>
      <RetryButton onRetry={reset} />
    </div>
  );
}
