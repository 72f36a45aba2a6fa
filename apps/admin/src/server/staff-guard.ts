import { canOpenSection, type StaffSection } from "@exchange/api/client";
import { forbidden, redirect } from "next/navigation";
import { currentStaff } from "@/auth";
import type { SessionStaff } from "@/lib/staff-roles";

/** The logged-in staff member; anyone else is sent to log in and brought back to `returnTo`. */
export async function requireStaff(returnTo = "/"): Promise<SessionStaff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return staff;
}

/**
 * A staff member allowed to open `section`. Others get the section's 403 page (forbidden.tsx
 * beside it) with an HTTP 403, however they reached the URL. The API checks the same table
 * again on every procedure, so this guard is for people; the API's is for data.
 */
export async function requireSection(
  section: StaffSection,
  returnTo: string,
): Promise<SessionStaff> {
  const staff = await requireStaff(returnTo);
  if (!canOpenSection(staff.roles, section)) forbidden();
  return staff;
}
