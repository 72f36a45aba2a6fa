/** The caller's address as the reverse proxy (or Next's own server) reports it. */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip") || undefined;
  // Node reports IPv4 peers on a dual-stack socket as "::ffff:a.b.c.d"; store the plain form.
  return address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}
