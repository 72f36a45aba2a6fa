import { resendVerificationMail } from "@exchange/api";
import type { ResendAnswer } from "@exchange/ui";
import { spokenErrorCode, spokenErrorText } from "@exchange/ui/server";
import { getTranslations } from "next-intl/server";
import { getServices } from "./services";

/**
 * Resends the verification mail and says so in the request's language (or why not: the
 * cooldown).
 */
export async function resendVerificationFor(
  email: string,
  ip: string | undefined,
): Promise<ResendAnswer> {
  try {
    await resendVerificationMail(await getServices(), { email, ip });
    const t = await getTranslations("auth.resend");
    return { ok: true, message: t("sent", { email }) };
  } catch (error) {
    if (spokenErrorCode(error) === "RATE_LIMITED") {
      return { ok: false, message: await spokenErrorText(error) };
    }
    throw error;
  }
}
