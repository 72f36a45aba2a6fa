"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES, type Locale } from "./locales";
import { writePreferenceCookie } from "./preference-cookie";

/**
 * The language menu of both apps. The choice is a cookie the server reads on the next render;
 * `onChange` lets an app also keep it on the account (the trading app mails in it).
 */
export function LocaleSwitcher({ onChange }: { onChange?: (locale: Locale) => void }) {
  const t = useTranslations("ui.locale");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="inline-flex items-center">
      <span className="sr-only">{t("label")}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          writePreferenceCookie(LOCALE_COOKIE, next);
          onChange?.(next);
          startTransition(() => router.refresh());
        }}
        className="h-10 min-w-10 rounded-md border border-line bg-surface px-2 text-xs text-ink-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
