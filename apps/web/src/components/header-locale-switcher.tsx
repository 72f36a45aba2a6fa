"use client";

import { transformer } from "@exchange/api/client";
import { type Locale, LocaleSwitcher } from "@exchange/ui/i18n";

/**
 * Keeps a logged-in trader's language on the account as well as in the cookie, so the mails
 * we send them follow it. Best effort: the page already changed through the cookie, and a
 * failed save only means a mail in the previous language, so it never interrupts the switch.
 */
async function saveLocaleOnAccount(locale: Locale): Promise<void> {
  try {
    await fetch("/api/trpc/me.setLocale", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(transformer.serialize({ locale })),
    });
  } catch {
    // Offline: the cookie keeps the choice for this browser.
  }
}

/** The header's language menu; signed in, the choice is also saved on the account. */
export function HeaderLocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  return (
    <LocaleSwitcher
      onChange={signedIn ? (locale) => void saveLocaleOnAccount(locale) : undefined}
    />
  );
}
