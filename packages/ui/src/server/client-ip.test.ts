import { describe, expect, it } from "vitest";
import { clientIp, requestClient, withTrustedClientAddress } from "./client-ip";

const forged = new Headers({
  "x-forwarded-for": "203.0.113.66, ::ffff:198.51.100.7",
  "x-real-ip": "203.0.113.99",
});

describe("withTrustedClientAddress", () => {
  it("drops a client's own X-Forwarded-For when no proxy is trusted, so Next records the socket", () => {
    const trusted = withTrustedClientAddress(forged, 0);
    expect(trusted.get("x-forwarded-for")).toBeNull();
    expect(trusted.get("x-real-ip")).toBeNull();
  });

  it("keeps only the address the trusted proxy appended, never what the client wrote before it", () => {
    const trusted = withTrustedClientAddress(forged, 1);
    expect(trusted.get("x-forwarded-for")).toBe("198.51.100.7");
    expect(clientIp(trusted)).toBe("198.51.100.7");
  });
});

describe("clientIp", () => {
  it("reads the one address left for the request, in plain IPv4 form, or none", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.4" }))).toBeUndefined();
  });
});

describe("requestClient", () => {
  it("names the trusted address and the browser, bounded to what the server stores", () => {
    const headers = new Headers({
      "x-forwarded-for": "198.51.100.7",
      "user-agent": `Mozilla/5.0 ${"x".repeat(2000)}`,
    });
    const client = requestClient(headers);
    expect(client.ip).toBe("198.51.100.7");
    expect(client.userAgent?.length).toBe(512);
    expect(requestClient(new Headers())).toEqual({ ip: undefined, userAgent: undefined });
  });
});
