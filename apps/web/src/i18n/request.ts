import { exchangeRequestConfig } from "@exchange/ui/i18n/server";
import { catalogs } from "./messages";

/** Read by next-intl on every request: the language, the time zone and the catalog. */
export default exchangeRequestConfig((locale) => catalogs[locale]);
