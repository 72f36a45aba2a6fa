/** The ticker list with `next` in place of its market's entry (added if the list lacks it). */
export function withTicker<T extends { symbol: string }>(previous: T[] | undefined, next: T): T[] {
  if (!previous?.some((ticker) => ticker.symbol === next.symbol))
    return [...(previous ?? []), next];
  return previous.map((ticker) => (ticker.symbol === next.symbol ? next : ticker));
}
