import { USER_LOCALES } from "@exchange/domains/mail/mail-locale";
import { z } from "zod";

/** A language the apps speak; anything else is refused, so `users.locale` holds only these. */
export const ZSetLocaleInput = z.object({ locale: z.enum(USER_LOCALES) }).strict();
export type SetLocaleInput = z.infer<typeof ZSetLocaleInput>;

export const ZSetLocaleOutput = z.object({ locale: z.enum(USER_LOCALES) });
