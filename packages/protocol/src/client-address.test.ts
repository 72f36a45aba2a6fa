import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const socketAddress = "::ffff:192.0.2.10";

describe("clientAddress", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted: the socket is the client", () => {
    expect(
      clientAddress({ forwardedFor: "203.0.113.66", socketAddress, trustedProxyHops: 0 }),
    ).toBe("192.0.2.10");
  });

  it("takes the entry our one proxy appended, not the one the client wrote before it", () => {
    const forwardedFor = "203.0.113.66, 198.51.100.7";
    expect(clientAddress({ forwardedFor, socketAddress, trustedProxyHops: 1 })).toBe(
      "198.51.100.7",
    );
  });

  it("walks back one entry per trusted proxy, across repeated headers", () => {
    const forwardedFor = "203.0.113.66, 198.51.100.7, 10.0.0.2";
    expect(clientAddress({ forwardedFor, socketAddress, trustedProxyHops: 2 })).toBe(
      "198.51.100.7",
    );
  });

  it("falls back to the socket, then the leftmost entry, when a request skipped the proxies", () => {
    expect(clientAddress({ forwardedFor: null, socketAddress, trustedProxyHops: 1 })).toBe(
      "192.0.2.10",
    );
    expect(clientAddress({ forwardedFor: "2001:db8::1", socketAddress, trustedProxyHops: 3 })).toBe(
      "2001:db8::1",
    );
    expect(
      clientAddress({ forwardedFor: " , ", socketAddress: undefined, trustedProxyHops: 1 }),
    ).toBe(undefined);
  });
});
