import type { Locale } from "@exchange/ui/i18n";
import uiEn from "@exchange/ui/messages/en.json";
import uiZh from "@exchange/ui/messages/zh-CN.json";
import en from "../../messages/en";
import zh from "../../messages/zh-CN";

/** Every string of the app and of the shared components it renders, per locale. */
export const catalogs = {
  en: { ...uiEn, ...en },
  "zh-CN": { ...uiZh, ...zh },
} satisfies Record<Locale, unknown>;
