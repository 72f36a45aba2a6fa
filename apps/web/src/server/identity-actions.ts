import { resendVerificationMail } from "@exchange/api";
import type { ResendAnswer } from "@exchange/ui";
import { spokenErrorCode } from "@exchange/ui/server";
import { getServices } from "./services";

/** Resends the verification mail and says so in words (or why not: the cooldown). */
export async function resendVerificationFor(
  email: string,
  ip: string | undefined,
): Promise<ResendAnswer> {
  try {
    await resendVerificationMail(await getServices(), { email, ip });
    return {
      ok: true,
      message: `If ${email} is waiting for verification, a new link is on its way.`,
    };
  } catch (error) {
    if (spokenErrorCode(error) === "RATE_LIMITED")
      return { ok: false, message: (error as Error).message };
    throw error;
  }
}
