import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundUserAgent, summarizeUserAgent, USER_AGENT_MAX_CHARS } from "./user-agent";

const AGENTS: [string, { browser: string | null; os: string | null }][] = [
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    { browser: "Chrome", os: "macOS" },
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
    { browser: "Edge", os: "Windows" },
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    { browser: "Safari", os: "iOS" },
  ],
  [
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    { browser: "Firefox", os: "Linux" },
  ],
  [
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    { browser: "Samsung Internet", os: "Android" },
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0",
    { browser: "Opera", os: "Windows" },
  ],
  ["curl/8.5.0", { browser: "curl", os: null }],
];

describe("summarizeUserAgent", () => {
  it.each(AGENTS)("names %s as the person knows it", (agent, expected) => {
    expect(summarizeUserAgent(agent)).toEqual(expected);
  });

  it("says nothing for an absent or unrecognisable header", () => {
    expect(summarizeUserAgent(undefined)).toBeNull();
    expect(summarizeUserAgent("")).toBeNull();
    expect(summarizeUserAgent("my-bot 1.0")).toBeNull();
  });

  it("never throws, whatever a client sends", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, size: "max" }), (agent) => {
        const summary = summarizeUserAgent(agent);
        expect(summary === null || summary.browser !== null || summary.os !== null).toBe(true);
      }),
    );
  });
});

describe("boundUserAgent", () => {
  it("keeps what fits the column, without control characters", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 3000, size: "max" }), fc.constant(`${"a".repeat(511)} b`)),
        (raw) => {
          const bounded = boundUserAgent(raw);
          if (bounded === undefined) return;
          expect(bounded.length).toBeLessThanOrEqual(USER_AGENT_MAX_CHARS);
          expect(
            [...bounded].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f),
          ).toBe(true);
          expect(bounded).toBe(bounded.trim());
        },
      ),
    );
  });

  it("drops an empty header", () => {
    expect(boundUserAgent("   ")).toBeUndefined();
    expect(boundUserAgent(null)).toBeUndefined();
  });
});
