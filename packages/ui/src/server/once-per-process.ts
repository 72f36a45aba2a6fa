/**
 * A costly resource (a database pool, a Redis pair) made once per server process. Kept on
 * `globalThis` because dev-mode hot reloads re-evaluate modules and would otherwise open a new
 * one on every edit. A failed attempt is forgotten, so the next call retries instead of failing
 * forever.
 */
export function oncePerProcess<T>(key: string, create: () => Promise<T>): () => Promise<T> {
  const slot = Symbol.for(key);
  const holder = globalThis as typeof globalThis & Record<symbol, Promise<T> | undefined>;
  return () => {
    holder[slot] ??= create().catch((error: unknown) => {
      holder[slot] = undefined;
      throw error;
    });
    return holder[slot];
  };
}
