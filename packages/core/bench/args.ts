/**
 * The bench programs' command line: `--name N` pairs, each a name of `defaults` and a safe
 * integer. Returns `defaults` with the given values; anything else throws with `usage`.
 */
export function parseIntegerArgs<T extends Record<string, number>>(defaults: T, usage: string): T {
  const args: Record<string, number> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, "") ?? "";
    const value = Number(argv[i + 1]);
    if (!(name in defaults) || !Number.isSafeInteger(value)) {
      throw new Error(`usage: ${usage}; bad ${argv[i]}`);
    }
    args[name] = value;
  }
  return args as T;
}
