"use client";

import { type ErrorPageProps, RetryButton } from "@exchange/ui";

/** A page of the console failed to load (database or engine trouble): say so and offer a retry. */
export default function ConsoleError({ error, reset }: ErrorPageProps) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-4 px-4 py-20 text-center">
      <p className="text-xs font-semibold tracking-wider text-down">SOMETHING WENT WRONG</p>
      <h1 className="text-xl font-semibold tracking-tight">This page could not be loaded</h1>
      <p className="max-w-md text-[13px] text-ink-muted">
        The server could not complete the request. Check System health, then try again.
        {error.digest ? (
          <>
            {" "}
            Reference: <code className="font-mono text-xs text-ink">{error.digest}</code>
          </>
        ) : null}
      </p>
      <RetryButton onRetry={reset} />
    </div>
  );
}
