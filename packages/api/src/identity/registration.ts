import type { Services } from "../context";
import { registerUser, type UserDto } from "../services/users";
import { sendVerificationMail } from "./email-verification";
import { ipSubject } from "./identity-config";
import { hitRateLimit, RATE_LIMITS } from "./rate-limit";

/**
 * A new trader: the account (unverified), then the verification mail. Five registrations per
 * address per hour. If the mail cannot be sent the account still stands; the person asks for
 * another mail from the "check your email" page, and the failure is logged for operators.
 */
export async function registerTrader(
  services: Services,
  input: { email: string; password: string; ip: string | undefined },
): Promise<UserDto> {
  await hitRateLimit(
    services.redis,
    services.redisPrefix,
    RATE_LIMITS.registerIp,
    ipSubject(input.ip),
    "Too many accounts created from your network.",
  );
  const user = await registerUser(services.db, input);
  try {
    await sendVerificationMail(services, user);
  } catch (error) {
    console.error(`verification mail to user ${user.id} failed:`, error);
  }
  return user;
}
