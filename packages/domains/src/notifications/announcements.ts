import type { Announcement } from "@exchange/contracts/notification";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services } from "../services";
import type { AdminAnnouncement, CreateAnnouncementInput } from "./announcement-contracts";
import {
  type AnnouncementRecord,
  findAnnouncement,
  findAnnouncements,
  findLiveAnnouncements,
  insertAnnouncement,
  setAnnouncementEnd,
} from "./announcement-repository";

/** The member of operations acting, as the audit log names them. */
export interface StaffCaller {
  staffId: number;
  ip?: string | undefined;
}

/** Where an announcement stands at `at`. */
export function announcementState(
  record: Pick<AnnouncementRecord, "startsAt" | "endsAt">,
  at: Date,
): AdminAnnouncement["state"] {
  if (record.endsAt && record.endsAt <= at) return "ENDED";
  if (record.startsAt && record.startsAt > at) return "SCHEDULED";
  return "LIVE";
}

function isoOrNull(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}

function adminView(record: AnnouncementRecord, at: Date): AdminAnnouncement {
  return { ...record, state: announcementState(record, at) };
}

/** Publishes an announcement (now or from its start), audited. */
export async function createAnnouncement(
  services: Services,
  caller: StaffCaller,
  input: CreateAnnouncementInput,
): Promise<AdminAnnouncement> {
  const draft = {
    titleEn: input.titleEn ?? null,
    bodyEn: input.bodyEn ?? null,
    titleZh: input.titleZh ?? null,
    bodyZh: input.bodyZh ?? null,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    createdById: caller.staffId,
  };
  const created = await inTransaction(services.db, async (tx) => {
    const row = await insertAnnouncement(tx, draft);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "announcement.create",
      target: { type: "announcement", id: String(row.id) },
      after: { ...draft, startsAt: isoOrNull(draft.startsAt), endsAt: isoOrNull(draft.endsAt) },
      ip: caller.ip,
    });
    return row;
  });
  return adminView(created, clockDate(services.clock));
}

/** Ends an announcement now (it leaves every trader's banner and list), audited. */
export async function endAnnouncement(
  services: Services,
  caller: StaffCaller,
  id: number,
): Promise<AdminAnnouncement> {
  const now = clockDate(services.clock);
  const ended = await inTransaction(services.db, async (tx) => {
    const before = await findAnnouncement(tx, id);
    if (!before) throw new AppError(AppErrorCode.NOT_FOUND, "No such announcement.");
    if (announcementState(before, now) === "ENDED") return before;
    const row = await setAnnouncementEnd(tx, id, now);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "announcement.end",
      target: { type: "announcement", id: String(id) },
      before: { endsAt: isoOrNull(before.endsAt) },
      after: { endsAt: now.toISOString() },
      ip: caller.ip,
    });
    return row;
  });
  return adminView(ended, now);
}

export async function listAdminAnnouncements(services: Services): Promise<AdminAnnouncement[]> {
  const now = clockDate(services.clock);
  return (await findAnnouncements(services.db, 200)).map((row) => adminView(row, now));
}

/** The announcements shown now to a reader of `locale`: those written in their language. */
export async function liveAnnouncements(
  services: Services,
  locale: "en" | "zh-CN",
): Promise<Announcement[]> {
  const rows = await findLiveAnnouncements(services.db, clockDate(services.clock), 50);
  return rows.flatMap((row) => {
    const title = locale === "zh-CN" ? row.titleZh : row.titleEn;
    const body = locale === "zh-CN" ? row.bodyZh : row.bodyEn;
    if (title === null || body === null) return [];
    const { id, startsAt, endsAt, createdAt } = row;
    return [{ id, title, body, startsAt, endsAt, createdAt }];
  });
}
