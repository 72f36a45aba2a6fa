import { router } from "../../trpc";
import { createAnnouncementProcedure } from "./create-announcement";
import { endAnnouncementProcedure } from "./end-announcement";
import { listAnnouncementsProcedure } from "./list-announcements";

/** Operations' announcements to traders (packages/domains/src/notifications/announcements.ts). */
export const announcementsAdminRouter = router({
  list: listAnnouncementsProcedure,
  create: createAnnouncementProcedure,
  end: endAnnouncementProcedure,
});
