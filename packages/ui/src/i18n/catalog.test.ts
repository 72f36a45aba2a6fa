import { describe, expect, it } from "vitest";
import enUi from "../../messages/en.json";
import zhUi from "../../messages/zh-CN.json";
import { catalogProblems } from "./catalog";

describe("catalogProblems", () => {
  it("names missing, empty, extra and mismatched messages", () => {
    const reference = {
      a: { b: "Hello {name}", c: "Bye" },
      d: "{count, plural, one {#} other {#}}",
    };
    const translation = { a: { b: "你好", c: " " }, e: "多余" };
    expect(catalogProblems(reference, translation)).toEqual([
      "placeholders differ: a.b (name ≠ )",
      "empty: a.c",
      "missing: d",
      "extra: e",
    ]);
  });

  it("finds nothing wrong with the shared components' Chinese", () => {
    expect(catalogProblems(enUi, zhUi)).toEqual([]);
  });
});
