import { countryName } from "@exchange/api/client";
import { useLocale } from "next-intl";

const namesByLocale = new Map<string, Intl.DisplayNames>();

/** A country's name in the viewer's language from its ISO code, and the code beside it. */
export function countryDisplayName(code: string, locale: string): string {
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    namesByLocale.set(locale, names);
  }
  try {
    return names.of(code) ?? countryName(code);
  } catch {
    return countryName(code);
  }
}

export function CountryName({ code, withCode = false }: { code: string; withCode?: boolean }) {
  const locale = useLocale();
  const name = countryDisplayName(code, locale);
  return (
    <>
      {name}
      {withCode ? <span className="text-ink-faint"> ({code})</span> : null}
    </>
  );
}
