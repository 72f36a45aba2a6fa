import { describe, expect, it } from "vitest";
import { authCookieConfig, requestIsHttps } from "./auth-cookies";

describe("authCookieConfig", () => {
  it("prefixes the session and CSRF cookies with __Host- over HTTPS, so no subdomain or plain-http page can plant them", () => {
    const config = authCookieConfig("exchange-web", true);
    expect(config.useSecureCookies).toBe(true);
    expect(config.cookies?.sessionToken?.name).toBe("__Host-exchange-web.session-token");
    expect(config.cookies?.csrfToken?.name).toBe("__Host-exchange-web.csrf-token");
    expect(config.cookies?.callbackUrl?.name).toBe("__Secure-exchange-web.callback-url");
  });

  it("keeps plain names over http, which browsers would refuse with a prefix", () => {
    const config = authCookieConfig("exchange-admin", false);
    expect(config.useSecureCookies).toBe(false);
    expect(config.cookies?.sessionToken?.name).toBe("exchange-admin.session-token");
    expect(config.cookies?.csrfToken?.name).toBe("exchange-admin.csrf-token");
  });
});

describe("requestIsHttps", () => {
  it("follows the TLS proxy's X-Forwarded-Proto, else the request's own scheme", async () => {
    const behindProxy = new Request("http://web:3000/", {
      headers: { "x-forwarded-proto": "https" },
    });
    await expect(requestIsHttps(behindProxy)).resolves.toBe(true);
    await expect(requestIsHttps(new Request("https://exchange.example/"))).resolves.toBe(true);
    await expect(requestIsHttps(new Request("http://localhost:3000/"))).resolves.toBe(false);
    const plainProxy = new Request("https://web/", { headers: { "x-forwarded-proto": "http" } });
    await expect(requestIsHttps(plainProxy)).resolves.toBe(false);
  });
});
