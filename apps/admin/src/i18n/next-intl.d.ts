import type { FORMATS, Locale } from "@exchange/ui/i18n";
import type { catalogs } from "./messages";

// Typed keys: a `t("…")` naming a message the English catalog lacks fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: (typeof catalogs)["en"];
    Formats: typeof FORMATS;
  }
}
