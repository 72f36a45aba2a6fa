/**
 * Console timestamps are UTC, always: staff in different offices, logs and the database must
 * all name the same instant the same way.
 */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
