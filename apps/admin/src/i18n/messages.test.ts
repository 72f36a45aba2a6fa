import { catalogProblems } from "@exchange/ui/i18n";
import { describe, expect, it } from "vitest";
import { catalogs } from "./messages";

describe("the app's catalogs", () => {
  it("translate every English message into Chinese, with the same placeholders", () => {
    expect(catalogProblems(catalogs.en, catalogs["zh-CN"])).toEqual([]);
  });
});
