/**
 * The address a request came from, for rate limits, audit and connection caps. Every process
 * that reads a client's address goes through this function.
 *
 * `X-Forwarded-For` is a list anyone can start: each proxy appends the address it received the
 * request from. Only the entries appended by our own proxies can be believed, so with
 * `trustedProxyHops` proxies in front of the process the client is the entry that many places
 * from the right (the last proxy's own address is the socket's). With 0 hops the header is
 * ignored and the socket's address is the client's.
 */
export function clientAddress({
  forwardedFor,
  socketAddress,
  trustedProxyHops,
}: {
  /** Every `X-Forwarded-For` header of the request, in order (Node joins repeats with ", "). */
  forwardedFor: string | null | undefined;
  socketAddress: string | null | undefined;
  trustedProxyHops: number;
}): string | undefined {
  if (trustedProxyHops === 0) return plainAddress(socketAddress);
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // Fewer entries than hops: the request skipped a proxy; the leftmost is the furthest we know.
  const index = Math.max(0, entries.length - trustedProxyHops);
  return plainAddress(entries[index] ?? socketAddress);
}

/** Node reports IPv4 peers on a dual-stack socket as "::ffff:a.b.c.d"; keep the plain form. */
function plainAddress(address: string | null | undefined): string | undefined {
  return address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") || undefined;
}

/** Bounds of the TRUSTED_PROXY_HOPS setting: how many proxies stand in front of a process. */
export const TRUSTED_PROXY_HOPS_MAX = 10;
