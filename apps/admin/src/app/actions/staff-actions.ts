"use server";

import { spokenErrorCode } from "@exchange/ui/server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { adminApi } from "@/server/admin-api";
import { consoleOrigin } from "@/server/console-origin";

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
      link: `${consoleOrigin(await headers())}/login?enrol=${token}`,
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

/** What a staff-management form shows after its action: an error, or what was done. */
export interface StaffFormState {
  error?: string;
  done?: string;
  /** What the invitation form held when refused, so the fields keep it (the form resets). */
  values?: { email: string; name: string; roles: string[] };
}

const ROLE_NAMES = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"] as const;
type RoleName = (typeof ROLE_NAMES)[number];

function rolesOf(form: FormData): RoleName[] {
  return form
    .getAll("roles")
    .filter((role): role is RoleName => ROLE_NAMES.includes(role as RoleName));
}

function idOf(form: FormData, field: string): number | undefined {
  const id = Number(form.get(field));
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : undefined;
}

/**
 * Runs a staff change through the API (which checks ADMIN, the last-admin rule, and audits) and
 * turns its refusals into the form's sentence in the console's language; the page reloads its
 * lists after a change.
 */
async function runStaffChange(change: () => Promise<string>): Promise<StaffFormState> {
  try {
    const done = await change();
    revalidatePath("/staff");
    return { done };
  } catch (error) {
    const text = await refusalText(error);
    if (text === undefined) throw error;
    return { error: text };
  }
}

/** The API's refusal in the console's language; undefined for a failure that is not a refusal. */
async function refusalText(error: unknown): Promise<string | undefined> {
  const trpcCode = (error as { code?: string }).code;
  const appCode = ((error as { cause?: { code?: unknown } }).cause?.code ?? undefined) as
    | string
    | undefined;
  if (!trpcCode || trpcCode === "INTERNAL_SERVER_ERROR") return undefined;
  const t = await getTranslations("staff.errors");
  if (trpcCode === "BAD_REQUEST" && !appCode) return t("checkFields");
  if ((await getLocale()) === "en") return (error as Error).message;
  const key = (appCode ?? trpcCode) as Parameters<typeof t>[0];
  return t.has(key) ? t(key) : (error as Error).message;
}

export async function inviteStaffAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.invite");
  const email = String(form.get("email") ?? "").trim();
  const name = String(form.get("name") ?? "").trim();
  const roles = rolesOf(form);
  const values = { email, name, roles };
  if (!email || !name) return { error: t("missingFields"), values };
  if (roles.length === 0) return { error: t("missingRoles"), values };
  const state = await runStaffChange(async () => {
    await (await adminApi()).staff.invite({ email, name: name.slice(0, 100), roles });
    return t("sent", { email });
  });
  return state.error ? { ...state, values } : state;
}

export async function resendInviteAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.manage");
  const staffId = idOf(form, "staffId");
  if (!staffId) return { error: t("noSuchStaff") };
  return runStaffChange(async () => {
    await (await adminApi()).staff.resendInvite({ staffId });
    return t("resent");
  });
}

export async function withdrawInviteAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.manage");
  const staffId = idOf(form, "staffId");
  if (!staffId) return { error: t("noSuchStaff") };
  return runStaffChange(async () => {
    await (await adminApi()).staff.withdrawInvite({ staffId });
    return t("withdrawn");
  });
}

export async function setRolesAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.manage");
  const staffId = idOf(form, "staffId");
  const roles = rolesOf(form);
  if (!staffId) return { error: t("noSuchStaff") };
  if (roles.length === 0) return { error: t("missingRoles") };
  return runStaffChange(async () => {
    await (await adminApi()).staff.setRoles({ staffId, roles });
    return t("rolesSaved");
  });
}

export async function setActiveAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.manage");
  const staffId = idOf(form, "staffId");
  const active = form.get("active") === "true";
  if (!staffId) return { error: t("noSuchStaff") };
  return runStaffChange(async () => {
    await (await adminApi()).staff.setActive({ staffId, active });
    return active ? t("reactivated") : t("deactivated");
  });
}

export async function requestTwoFactorResetAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.reset");
  const staffId = idOf(form, "staffId");
  const reason = String(form.get("reason") ?? "").trim();
  if (!staffId) return { error: t("noSuchStaff") };
  if (reason.length < 3) return { error: t("sayWhy") };
  return runStaffChange(async () => {
    await (await adminApi()).staff.twoFactorResets.request({
      staffId,
      reason: reason.slice(0, 500),
    });
    return t("requested");
  });
}

export async function decideTwoFactorResetAction(
  _previous: StaffFormState,
  form: FormData,
): Promise<StaffFormState> {
  const t = await getTranslations("staff.reset");
  const id = idOf(form, "resetId");
  if (!id) return { error: t("noSuchRequest") };
  const approve = form.get("decision") === "approve";
  return runStaffChange(async () => {
    const api = (await adminApi()).staff.twoFactorResets;
    if (approve) await api.approve({ id });
    else await api.reject({ id });
    return approve ? t("approved") : t("rejected");
  });
}
