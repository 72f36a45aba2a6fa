import { beginLogInEnrolment } from "@exchange/api";
import { readChallenge, spokenErrorCode } from "@exchange/ui/server";
import { CHALLENGE_COOKIE } from "@/lib/log-in";
import { getServices } from "./services";

/**
 * The secret a staff member between password and console enrols with (the same one on every
 * load until confirmed), or null when no log-in is in progress.
 */
export async function currentEnrolment() {
  const challenge = await readChallenge(CHALLENGE_COOKIE);
  if (!challenge) return null;
  try {
    return await beginLogInEnrolment(await getServices(), { challenge });
  } catch (error) {
    if (spokenErrorCode(error)) return null;
    throw error;
  }
}
