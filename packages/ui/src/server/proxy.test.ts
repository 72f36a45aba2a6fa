import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./proxy";

const directive = (policy: string, name: string) =>
  policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  const production = contentSecurityPolicy("bm9uY2U=", {
    trustedProxyHops: 0,
    connectSources: ["ws://localhost:3200"],
    development: false,
  });

  it("runs no inline script without the response's nonce, and no evaluated code", () => {
    expect(directive(production, "script-src")).toBe(
      "script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'",
    );
    expect(production).not.toContain("unsafe-eval");
  });

  it("lets pages reach the WebSocket gateway and show data: images, and never be framed", () => {
    expect(directive(production, "connect-src")).toBe("connect-src 'self' ws://localhost:3200");
    expect(directive(production, "img-src")).toContain("data:");
    expect(directive(production, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(production, "object-src")).toBe("object-src 'none'");
  });
});
