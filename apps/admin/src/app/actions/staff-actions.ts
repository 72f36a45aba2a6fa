"use server";

import { spokenErrorCode } from "@exchange/ui/server";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { adminApi } from "@/server/admin-api";

export interface EnrolmentLinkState {
  /** The link to hand over, shown this once. */
  link?: string;
  expiresAt?: string;
  error?: string;
}

/** Creates a staff member's one-time two-factor set-up link (the API checks ADMIN and audits). */
export async function createEnrolmentLinkAction(
  _previous: EnrolmentLinkState,
  form: FormData,
): Promise<EnrolmentLinkState> {
  const staffId = Number(form.get("staffId"));
  if (!Number.isSafeInteger(staffId) || staffId <= 0) {
    return { error: (await getTranslations("staff.link"))("noSuchStaff") };
  }
  try {
    const { token, expiresAt } = await (await adminApi()).staff.createEnrolmentLink({ staffId });
    return {
      link: `${await consoleOrigin()}/login?enrol=${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (spokenErrorCode(cause) || (error as { code?: string }).code === "FORBIDDEN") {
      return { error: (error as Error).message };
    }
    throw error;
  }
}

/** The console's address as the administrator's browser reached it. */
async function consoleOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const proto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
