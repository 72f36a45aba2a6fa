import type { BinanceOpenApiDocument } from "@exchange/api/binance";

/** A reference page must render even when the gateway is slow: it shows the quick start alone. */
const FETCH_TIMEOUT_MS = 3_000;

/**
 * The gateway's own OpenAPI document (built from the routes it registered), or null when the
 * gateway does not answer: the page then says so and still shows the quick start.
 */
export async function fetchOpenApiDocument(
  gatewayUrl: string,
): Promise<BinanceOpenApiDocument | null> {
  try {
    const response = await fetch(`${gatewayUrl}/api/v3/openapi.json`, {
      cache: "no-store",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const document = (await response.json()) as BinanceOpenApiDocument;
    return document.openapi?.startsWith("3.") && typeof document.paths === "object"
      ? document
      : null;
  } catch {
    return null;
  }
}
