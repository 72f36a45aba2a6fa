import { countryName } from "@exchange/api/client";
import { useLocale } from "next-intl";

/**
 * A country's name in `locale`, from the runtime's own region names (ISO 3166 codes), falling
 * back to the API's English name for a code Intl does not know.
 */
export function countryNameIn(locale: string, code: string): string {
  try {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    return names.of(code) ?? countryName(code);
  } catch {
    return countryName(code);
  }
}

/** `countryNameIn` for the viewer's language. */
export function useCountryName(): (code: string) => string {
  const locale = useLocale();
  return (code) => countryNameIn(locale, code);
}
