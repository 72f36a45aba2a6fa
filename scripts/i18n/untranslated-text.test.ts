import { describe, expect, it } from "vitest";
import { componentFiles, untranslatedText } from "./untranslated-text";

const FILES = componentFiles();

describe("every word of both apps comes from a catalog", () => {
  it("finds no words written into markup", () => {
    const found = FILES.flatMap(untranslatedText);
    expect(found.map((t) => `${t.file}:${t.line} ${t.text}`)).toEqual([]);
  });
});
