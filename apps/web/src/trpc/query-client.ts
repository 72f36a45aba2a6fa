import { transformer } from "@exchange/api/client";
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

const STALE_TIME_MS = 30_000;
const RETRIES_MAX = 2;

/**
 * One query client per browser tab, or per server request. Dehydration goes through the API's
 * transformer so server-prefetched data (dates, bigints) reaches the browser intact.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        retry: (failureCount, error) => failureCount < RETRIES_MAX && !isClientMistake(error),
      },
      dehydrate: {
        serializeData: transformer.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: transformer.deserialize },
    },
  });
}

/** A 4xx answer will not change by asking again. */
function isClientMistake(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status: unknown = error.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
