import {
  ZAdminAnnouncement,
  ZEndAnnouncementInput,
} from "@exchange/domains/notifications/announcement-contracts";
import { endAnnouncement } from "@exchange/domains/notifications/announcements";
import { sectionProcedure } from "../../trpc";

/** Ends an announcement now: it leaves every trader's banner and list; audited. */
export const endAnnouncementProcedure = sectionProcedure("announcements")
  .input(ZEndAnnouncementInput)
  .output(ZAdminAnnouncement)
  .mutation(({ ctx, input }) =>
    endAnnouncement(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input.id),
  );
