import type { Store } from "../services";

export interface AnnouncementRecord {
  id: number;
  titleEn: string | null;
  bodyEn: string | null;
  titleZh: string | null;
  bodyZh: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  createdById: number;
  createdAt: Date;
}

export type AnnouncementDraft = Omit<AnnouncementRecord, "id" | "createdAt">;

export function insertAnnouncement(
  db: Store,
  draft: AnnouncementDraft,
): Promise<AnnouncementRecord> {
  return db.announcement.create({ data: draft });
}

export function findAnnouncement(db: Store, id: number): Promise<AnnouncementRecord | null> {
  return db.announcement.findUnique({ where: { id } });
}

export function setAnnouncementEnd(
  db: Store,
  id: number,
  endsAt: Date,
): Promise<AnnouncementRecord> {
  return db.announcement.update({ where: { id }, data: { endsAt } });
}

/** The newest `limit` announcements, whatever their state. */
export function findAnnouncements(db: Store, limit: number): Promise<AnnouncementRecord[]> {
  return db.announcement.findMany({ orderBy: { id: "desc" }, take: limit });
}

/** The announcements shown at `at` (started, not ended), newest first. */
export function findLiveAnnouncements(db: Store, at: Date, limit: number) {
  return db.announcement.findMany({
    where: {
      AND: [
        { OR: [{ startsAt: null }, { startsAt: { lte: at } }] },
        { OR: [{ endsAt: null }, { endsAt: { gt: at } }] },
      ],
    },
    orderBy: { id: "desc" },
    take: limit,
  });
}
