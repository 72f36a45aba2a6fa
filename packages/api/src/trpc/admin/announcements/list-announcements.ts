import { ZAdminAnnouncement } from "@exchange/domains/notifications/announcement-contracts";
import { listAdminAnnouncements } from "@exchange/domains/notifications/announcements";
import { z } from "zod";
import { sectionProcedure } from "../../trpc";

/** Every announcement, newest first, with where each stands now. */
export const listAnnouncementsProcedure = sectionProcedure("announcements")
  .output(z.array(ZAdminAnnouncement))
  .query(({ ctx }) => listAdminAnnouncements(ctx.services));
