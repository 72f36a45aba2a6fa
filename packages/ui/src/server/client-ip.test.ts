import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the first forwarded address, in plain IPv4 form", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:10.0.0.7, 10.0.0.1" }))).toBe(
      "10.0.0.7",
    );
  });

  it("keeps real IPv6 addresses and falls back to x-real-ip", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.4" }))).toBe("192.0.2.4");
    expect(clientIp(new Headers())).toBeUndefined();
  });
});
