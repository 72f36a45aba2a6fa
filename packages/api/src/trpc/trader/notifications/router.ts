import { router } from "../../trpc";
import { listNotificationsProcedure } from "./list-notifications";
import { mailChoicesProcedure, setMailChoiceProcedure } from "./mail-choices";
import { markAllReadProcedure } from "./mark-all-read";
import { markReadProcedure } from "./mark-read";
import { unreadNotificationsProcedure } from "./unread-notifications";

/** The trader's notification centre (packages/domains/src/notifications). */
export const notificationsRouter = router({
  list: listNotificationsProcedure,
  unread: unreadNotificationsProcedure,
  markRead: markReadProcedure,
  markAllRead: markAllReadProcedure,
  mailChoices: mailChoicesProcedure,
  setMailChoice: setMailChoiceProcedure,
});
