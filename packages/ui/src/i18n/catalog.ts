/**
 * Checks a translation against the reference catalog (English): the same keys, nothing empty,
 * and the same {placeholders} in every message, so a missing or broken translation fails a test
 * rather than showing a key to a user.
 */
export type Catalog = { [key: string]: string | Catalog };

export function catalogProblems(reference: Catalog, translation: Catalog): string[] {
  const expected = flatten(reference);
  const actual = flatten(translation);
  const problems: string[] = [];
  for (const [key, text] of expected) {
    const translated = actual.get(key);
    if (translated === undefined) problems.push(`missing: ${key}`);
    else if (translated.trim() === "") problems.push(`empty: ${key}`);
    else if (placeholders(text) !== placeholders(translated)) {
      problems.push(
        `placeholders differ: ${key} (${placeholders(text)} ≠ ${placeholders(translated)})`,
      );
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`extra: ${key}`);
  return problems;
}

function flatten(catalog: Catalog, prefix = "", into = new Map<string, string>()) {
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

/** The argument names a message uses ("{amount}", "{count, plural, …}"), sorted. */
function placeholders(text: string): string {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(match[1] ?? "");
  return [...names].sort().join(",");
}
