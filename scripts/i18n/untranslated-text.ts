import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Attributes whose string value a person reads (or a screen reader speaks). */
const SPOKEN_ATTRIBUTES = new Set([
  "alt",
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "description",
  "emptyText",
  "heading",
  "hint",
  "label",
  "placeholder",
  "title",
]);

export interface UntranslatedText {
  file: string;
  line: number;
  text: string;
}

/**
 * Words written straight into a component's markup rather than taken from the catalog: JSX text
 * and spoken attributes (label, placeholder, aria-label…) holding a letter. Symbols, numbers and
 * asset codes in expressions are not words; a `{"…"}` literal is, and is found too.
 */
export function untranslatedText(file: string): UntranslatedText[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: UntranslatedText[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file, line: line + 1, text: text.trim().slice(0, 60) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      ts.isStringLiteralLike(node.expression) &&
      hasWords(node.expression.text) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal =
        value && ts.isJsxExpression(value)
          ? value.expression
          : (value as ts.Expression | undefined);
      if (literal && ts.isStringLiteralLike(literal) && hasWords(literal.text)) {
        report(node, literal.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Two letters in a row make a word; "—", "·", "%", "24h"-style units alone do not. */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(/\b\d+[a-z]\b/g, ""));
}

/** The components of both apps and of the shared UI package, relative to the repository. */
export function componentFiles(): string[] {
  return ["apps/web/src", "apps/admin/src", "packages/ui/src"].flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".tsx") && !name.endsWith(".test.tsx"))
      .map((name) => join(root, name))
      .sort(),
  );
}
