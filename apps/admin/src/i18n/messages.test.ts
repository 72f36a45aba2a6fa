import { HEALTH_CONSUMERS } from "@exchange/api/client";
import { catalogProblems } from "@exchange/ui/i18n";
import { describe, expect, it } from "vitest";
import { catalogs } from "./messages";

describe("the app's catalogs", () => {
  it("translate every English message into Chinese, with the same placeholders", () => {
    expect(catalogProblems(catalogs.en, catalogs["zh-CN"])).toEqual([]);
  });

  it("names every worker consumer a health report can name", () => {
    for (const consumer of HEALTH_CONSUMERS) {
      expect(Object.keys(catalogs.en.dashboard.consumers)).toContain(consumer);
    }
  });
});
