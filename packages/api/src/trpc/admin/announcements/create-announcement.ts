import {
  ZAdminAnnouncement,
  ZCreateAnnouncementInput,
} from "@exchange/domains/notifications/announcement-contracts";
import { createAnnouncement } from "@exchange/domains/notifications/announcements";
import { sectionProcedure } from "../../trpc";

/** Publishes an announcement to every trader (now or from its start); audited. */
export const createAnnouncementProcedure = sectionProcedure("announcements")
  .input(ZCreateAnnouncementInput)
  .output(ZAdminAnnouncement)
  .mutation(({ ctx, input }) =>
    createAnnouncement(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );
