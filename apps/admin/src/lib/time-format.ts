/**
 * @deprecated Times are shown with `<DateTime at={…} format="dateTime" />` from
 * `@exchange/ui/i18n`: in the viewer's zone, or in UTC when staff switch to it in the top bar,
 * and always with the zone named. Kept only for pages that have not moved yet.
 */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
