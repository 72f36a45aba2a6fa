/**
 * `onError` of both apps' tRPC routes. Expected errors (bad input, wrong role…) are answers to
 * the caller; only the unexpected are logged, with their cause. Typed by shape, so this package
 * needs no tRPC dependency.
 */
export function logUnexpectedApiError({
  error,
  path,
}: {
  error: { code: string; cause?: unknown };
  path: string | undefined;
}): void {
  if (error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
  }
}
