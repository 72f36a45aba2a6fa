/**
 * The most procedure calls one tRPC request may carry. The apps' clients never batch more (the
 * link's `maxItems`); the route handlers refuse a bigger batch before running any procedure, so
 * one request cannot make the server run thousands of calls.
 */
export const TRPC_MAX_BATCH_SIZE = 20;

/** HTTP status of a refused batch: the request itself is too big, whoever sends it. */
const PAYLOAD_TOO_LARGE = 413;

/**
 * The refusal of a tRPC request naming more than `maxBatchSize` procedures (`/api/trpc/a,b,c`),
 * in tRPC's error shape so clients show the message; undefined for a request within the limit.
 */
export function refuseOversizedBatch(
  request: Request,
  { endpoint, maxBatchSize = TRPC_MAX_BATCH_SIZE }: { endpoint: string; maxBatchSize?: number },
): Response | undefined {
  const { pathname } = new URL(request.url);
  const calls = decodedPath(pathname.slice(endpoint.length + 1)).split(",").length;
  if (calls <= maxBatchSize) return undefined;
  const message = `A request may call at most ${maxBatchSize} procedures; this one calls ${calls}.`;
  const error = { message, code: -32_013, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } };
  return Response.json({ error }, { status: PAYLOAD_TOO_LARGE });
}

/** The path as tRPC reads it (`a%2Cb` is two calls); tRPC itself refuses a malformed one. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
