import { HEALTH_CONSUMERS } from "@exchange/api/client";
import { describe, expect, it } from "vitest";
import en from "../../messages/en/nav.json";
import { CONSUMER_KEYS, consumerKey } from "./health-problems";

describe("the footer's words for the health report", () => {
  it("has words for every consumer a report can name, and none left over", () => {
    expect(Object.keys(CONSUMER_KEYS).sort()).toEqual([...HEALTH_CONSUMERS].sort());
    for (const key of Object.values(CONSUMER_KEYS)) {
      expect(en.status.consumers[key]).toBeTruthy();
    }
    expect(consumerKey("toString")).toBeNull();
    expect(consumerKey("new-consumer")).toBeNull();
  });
});
