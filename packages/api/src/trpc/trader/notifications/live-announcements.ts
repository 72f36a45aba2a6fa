import { ZAnnouncement } from "@exchange/contracts/notification";
import { ZTraderAnnouncementsInput } from "@exchange/domains/notifications/announcement-contracts";
import { liveAnnouncements } from "@exchange/domains/notifications/announcements";
import { z } from "zod";
import { publicProcedure } from "../../trpc";

/** The announcements shown now, in the reader's language: to anyone, logged in or not. */
export const liveAnnouncementsProcedure = publicProcedure
  .input(ZTraderAnnouncementsInput)
  .output(z.array(ZAnnouncement))
  .query(({ ctx, input }) => liveAnnouncements(ctx.services, input.locale));
