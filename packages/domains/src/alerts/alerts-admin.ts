import { type RequestClient, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { findStaffNames } from "../identity/staff-repository";
import type { Services } from "../services";
import type { AlertIdInput, AlertView } from "./alerts-contracts";
import {
  type AlertRecord,
  findAlert,
  findRecentlyResolvedAlerts,
  findUnresolvedAlertList,
  moveAlert,
} from "./alerts-repository";

/**
 * What staff do with the alert center's alerts on the System page: see the unresolved ones,
 * acknowledge one (they are on it: no more reminders) or resolve one by hand (a log line's alert
 * has no check to resolve it). Each change is audited.
 */

/** Unresolved alerts shown at most; the newest first. */
const UNRESOLVED_SHOWN_MAX = 100;

export interface StaffCaller extends RequestClient {
  staffId: number;
}

/** The unresolved alerts (most recently seen first) and the last few resolved ones. */
export async function listAlerts(
  services: Pick<Services, "db">,
  options: { resolved: number },
): Promise<{ unresolved: AlertView[]; resolved: AlertView[] }> {
  const [unresolved, resolved] = await Promise.all([
    findUnresolvedAlertList(services.db, UNRESOLVED_SHOWN_MAX),
    findRecentlyResolvedAlerts(services.db, options.resolved),
  ]);
  const views = await alertViews(services, [...unresolved, ...resolved]);
  return {
    unresolved: views.slice(0, unresolved.length),
    resolved: views.slice(unresolved.length),
  };
}

/** Someone is on it: no reminders while it stays unresolved. Acknowledging twice changes nothing. */
export function acknowledgeAlert(
  services: Pick<Services, "db" | "clock">,
  caller: StaffCaller,
  input: AlertIdInput,
): Promise<AlertView> {
  return changeAlert(services, caller, input.id, "acknowledge");
}

/** Closed by hand: the problem is dealt with. A check still failing opens a fresh alert. */
export function resolveAlert(
  services: Pick<Services, "db" | "clock">,
  caller: StaffCaller,
  input: AlertIdInput,
): Promise<AlertView> {
  return changeAlert(services, caller, input.id, "resolve");
}

async function changeAlert(
  services: Pick<Services, "db" | "clock">,
  caller: StaffCaller,
  id: number,
  action: "acknowledge" | "resolve",
): Promise<AlertView> {
  const before = await findAlert(services.db, id);
  if (!before) throw new AppError(AppErrorCode.NOT_FOUND, "No such alert.");
  if (before.status === "RESOLVED") {
    throw new AppError(AppErrorCode.INVALID_INPUT, "This alert is already resolved.");
  }
  if (action === "acknowledge" && before.status === "ACKNOWLEDGED") {
    return (await alertViews(services, [before]))[0] as AlertView;
  }
  const at = new Date(services.clock.now());
  const after =
    action === "acknowledge"
      ? await moveAlert(services.db, id, ["OPEN"], { to: "ACKNOWLEDGED", by: caller.staffId, at })
      : await moveAlert(services.db, id, ["OPEN", "ACKNOWLEDGED"], {
          to: "RESOLVED",
          by: caller.staffId,
          at,
        });
  // Lost a race with the check that resolved it meanwhile.
  if (!after) throw new AppError(AppErrorCode.INVALID_INPUT, "This alert is already resolved.");
  await recordAudit(services.db, {
    actor: { kind: "staff", staffId: caller.staffId },
    action: `alert.${action}`,
    target: { type: "alert", id: String(id) },
    before: { status: before.status },
    after: { status: after.status, key: after.key },
    ip: caller.ip,
    userAgent: caller.userAgent,
  });
  return (await alertViews(services, [after]))[0] as AlertView;
}

async function alertViews(
  services: Pick<Services, "db">,
  alerts: readonly AlertRecord[],
): Promise<AlertView[]> {
  const ids = alerts.flatMap((a) => [a.acknowledgedBy, a.resolvedBy]).filter((id) => id !== null);
  const names = await findStaffNames(services.db, ids);
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? `#${id}`));
  return alerts.map((a) => ({
    ...a,
    acknowledgedBy: nameOf(a.acknowledgedBy),
    resolvedBy: nameOf(a.resolvedBy),
  }));
}
