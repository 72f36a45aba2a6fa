"use server";

import { spokenErrorCode } from "@exchange/ui/server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminApi } from "@/server/admin-api";

export interface SuspendState {
  error?: string;
  done?: boolean;
}

/**
 * Suspends a trader: their log-in, sessions and open sockets end at once (the API checks the
 * role and audits it with the reason).
 */
export async function suspendUserAction(
  _previous: SuspendState,
  form: FormData,
): Promise<SuspendState> {
  const id = Number(form.get("userId"));
  const reason = String(form.get("reason") ?? "").trim();
  const t = await getTranslations("users.suspend");
  if (!Number.isSafeInteger(id) || id <= 0) return { error: t("noSuchUser") };
  if (reason.length < 3) return { error: t("sayWhy") };
  try {
    await (await adminApi()).users.suspend({ id, reason: reason.slice(0, 500) });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (error as { code?: string }).code;
    if (spokenErrorCode(cause) || code === "FORBIDDEN" || code === "NOT_FOUND") {
      return { error: (error as Error).message };
    }
    throw error;
  }
  revalidatePath(`/users/${id}`);
  return { done: true };
}

export interface RevokeApiKeyState {
  error?: string;
  done?: boolean;
}

/**
 * Revokes a trader's API key with a reason: the trading gateways refuse it from then on (the
 * API checks the role and audits it with the reason).
 */
export async function revokeUserApiKeyAction(
  _previous: RevokeApiKeyState,
  form: FormData,
): Promise<RevokeApiKeyState> {
  const userId = Number(form.get("userId"));
  const id = Number(form.get("keyId"));
  const reason = String(form.get("reason") ?? "").trim();
  const t = await getTranslations("users.apiKeys");
  if (![userId, id].every((n) => Number.isSafeInteger(n) && n > 0))
    return { error: t("noSuchKey") };
  if (reason.length < 3) return { error: t("sayWhy") };
  try {
    await (await adminApi()).users.apiKeys.revoke({ userId, id, reason: reason.slice(0, 500) });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (error as { code?: string }).code;
    if (
      spokenErrorCode(cause) ||
      code === "FORBIDDEN" ||
      code === "NOT_FOUND" ||
      code === "CONFLICT"
    ) {
      return { error: (error as Error).message };
    }
    throw error;
  }
  revalidatePath(`/users/${userId}`);
  return { done: true };
}

export interface RestrictionState {
  error?: string;
  done?: boolean;
}

const RESTRICTION_KINDS = ["TRADING", "WITHDRAWALS", "LOGIN"] as const;

/**
 * Sets or lifts one of a trader's restrictions with a reason: trading frozen, withdrawals frozen,
 * log-in suspended (the API checks the role, audits it and stops the trader within a second).
 */
export async function changeRestrictionAction(
  _previous: RestrictionState,
  form: FormData,
): Promise<RestrictionState> {
  const userId = Number(form.get("userId"));
  const kind = RESTRICTION_KINDS.find((k) => k === form.get("kind"));
  const lift = form.get("change") === "lift";
  const reason = String(form.get("reason") ?? "").trim();
  const t = await getTranslations("users.restrictions");
  if (!Number.isSafeInteger(userId) || userId <= 0 || !kind) return { error: t("noSuchUser") };
  if (reason.length < 3) return { error: t("sayWhy") };
  const input = { userId, kind, reason: reason.slice(0, 500) };
  try {
    const api = (await adminApi()).users.restrictions;
    await (lift ? api.lift(input) : api.set(input));
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (error as { code?: string }).code;
    if (spokenErrorCode(cause) || code === "FORBIDDEN" || code === "NOT_FOUND") {
      return { error: (error as Error).message };
    }
    throw error;
  }
  revalidatePath(`/users/${userId}`);
  return { done: true };
}
