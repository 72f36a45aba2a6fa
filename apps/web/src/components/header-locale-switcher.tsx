"use client";

import { LocaleSwitcher } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/**
 * The header's language menu. Signed in, the choice is also kept on the account, so the mails
 * we send follow it. Best effort: the page already changed through the cookie, and a failed save
 * only means a mail in the previous language, so it never interrupts the switch.
 */
export function HeaderLocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.me.setLocale.mutationOptions());
  return <LocaleSwitcher onChange={signedIn ? (locale) => save.mutate({ locale }) : undefined} />;
}
