import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

const STALE_TIME_MS = 30_000;
const RETRIES_MAX = 2;

/** One query client per browser tab. Pages load their data on the server; this serves widgets. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        retry: (failureCount, error) => failureCount < RETRIES_MAX && !isClientMistake(error),
      },
    },
  });
}

/** A 4xx answer will not change by asking again. */
function isClientMistake(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status: unknown = error.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
