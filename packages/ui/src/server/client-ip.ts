import { clientAddress } from "@exchange/protocol/client-address";

/**
 * The request headers as the app's proxy.ts passes them on: X-Forwarded-For holds only the
 * client's address as `trustedProxyHops` proxies vouch for it. With no trusted proxy the header
 * is dropped, and Next writes the connection's address into it (it fills the header only when
 * absent), so a client cannot choose the address its rate limits and audit entries count.
 */
export function withTrustedClientAddress(headers: Headers, trustedProxyHops: number): Headers {
  const trusted = new Headers(headers);
  trusted.delete("x-real-ip");
  trusted.delete("x-forwarded-for");
  if (trustedProxyHops === 0) return trusted;
  const address = clientAddress({
    forwardedFor: headers.get("x-forwarded-for"),
    socketAddress: undefined,
    trustedProxyHops,
  });
  if (address) trusted.set("x-forwarded-for", address);
  return trusted;
}

/**
 * The caller's address, for rate limits, audit and KYC uploads: the one entry proxy.ts left in
 * X-Forwarded-For (see withTrustedClientAddress), or the connection's that Next wrote there.
 */
export function clientIp(headers: Headers): string | undefined {
  return clientAddress({
    forwardedFor: headers.get("x-forwarded-for"),
    socketAddress: undefined,
    trustedProxyHops: 1,
  });
}

/** Longer than any real browser's; the server stores at most this much of it. */
const USER_AGENT_MAX_CHARS = 512;

/**
 * Where a request comes from, as sessions and audit entries record it: the trusted client
 * address (`clientIp`) and the browser's User-Agent (its own claim, for people to recognise
 * their devices by; never for a decision).
 */
export function requestClient(headers: Headers): {
  ip: string | undefined;
  userAgent: string | undefined;
} {
  const userAgent = headers.get("user-agent")?.slice(0, USER_AGENT_MAX_CHARS) || undefined;
  return { ip: clientIp(headers), userAgent };
}
