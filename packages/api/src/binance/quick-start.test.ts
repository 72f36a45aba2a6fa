import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ccxtQuickStart, curlQuickStart } from "./quick-start";

const README = readFileSync(join(import.meta.dirname, "../../../../README.md"), "utf8");

describe("the quick starts", () => {
  // The integration test runs these snippets against a real gateway; the README must show them.
  it("are in the README exactly as the reference page shows them for a local gateway", () => {
    expect(README).toContain(ccxtQuickStart("http://localhost:3600"));
    expect(README).toContain(curlQuickStart("http://localhost:3600"));
  });

  it("name the gateway they are given and nothing else", () => {
    const url = "https://api.exchange.example";
    expect(ccxtQuickStart(url)).toContain(`const gateway = "${url}";`);
    expect(curlQuickStart(url)).toContain(`"${url}/api/v3/order?$QUERY&signature=$SIGNATURE"`);
    expect(ccxtQuickStart(url) + curlQuickStart(url)).not.toContain("localhost");
  });
});
