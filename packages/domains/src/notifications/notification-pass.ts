import { channels } from "@exchange/contracts/channels";
import {
  isNotificationType,
  mailWanted,
  type NotificationPushWire,
} from "@exchange/contracts/notification";
import { type Clock, type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { Mailer } from "../mail/mailer";
import { inTransaction, type Services, type Store } from "../services";
import type { LargeFillLine } from "./large-fill-lines";
import { isPassMailedType, notificationMail } from "./notification-mails";
import {
  clearOwedMail,
  countUnread,
  findCreditedDeposits,
  findKycDecisions,
  findLargeFills,
  findMailChoices,
  findOwedMails,
  findRejectedWithdrawals,
  findSentWithdrawals,
  insertNotifications,
  lastTradeIdOf,
  type NotificationDraft,
  type NotificationRecord,
  readCursor,
  type SourceEvent,
  saveCursor,
} from "./notification-repository";
import { notificationWire } from "./notification-views";

/** What a pass needs: the worker gives its own. */
export interface NotificationPassDeps {
  db: Services["db"];
  redis: Redis;
  redisPrefix: string;
  clock: Clock;
  log: Logger;
  /** Sends the mails the readers chose; without one, owed mails wait for a process that has it. */
  mailer?: Mailer | undefined;
  /** The web app's address, for the link in mails. */
  webPublicUrl?: string | undefined;
  largeFillLines: readonly LargeFillLine[];
}

/** Rows read from one source in one pass; a full batch makes the next pass start at once. */
export const SOURCE_BATCH = 500;
/**
 * How far back a time source re-reads behind its cursor: a row stamped by one process's clock
 * may commit after a later-stamped one was read. The event's key keeps the re-read harmless.
 */
const TIME_OVERLAP_MS = 60_000n;
const CURSOR_STEP_MS = 30_000n;

type TimeSourceReader = (db: Store, afterMs: bigint, limit: number) => Promise<SourceEvent[]>;

/** The sources read by time (their event's time in epoch ms), by cursor name. */
const TIME_SOURCES: Record<string, TimeSourceReader> = {
  "deposits.credited": findCreditedDeposits,
  "withdrawals.sent": findSentWithdrawals,
  "withdrawals.rejected": findRejectedWithdrawals,
  "kyc.decisions": findKycDecisions,
};

export interface PassResult {
  written: number;
  /** Whether a source had more than one batch: run again without pausing. */
  behind: boolean;
}

/**
 * One pass of the notifier: reads what happened since each source's cursor, writes one
 * notification per business event (its key is unique, so a replay or a pass after a crash
 * writes nothing twice), pushes each new one to its reader's `@account`, then sends the mails
 * owed. A source seen for the first time starts now: history before it notifies no one.
 */
export async function runNotificationPass(deps: NotificationPassDeps): Promise<PassResult> {
  let written = 0;
  let behind = false;
  for (const [source, read] of Object.entries(TIME_SOURCES)) {
    const outcome = await passTimeSource(deps, source, read);
    written += outcome.written;
    behind ||= outcome.behind;
  }
  const fills = await passFills(deps);
  written += fills.written;
  behind ||= fills.behind;
  await sendOwedMails(deps);
  return { written, behind };
}

async function passTimeSource(
  deps: NotificationPassDeps,
  source: string,
  read: TimeSourceReader,
): Promise<PassResult> {
  const nowMs = BigInt(deps.clock.now());
  const cursor = await readCursor(deps.db, source);
  const startMs = cursor ?? nowMs;
  const events = await read(deps.db, startMs - TIME_OVERLAP_MS, SOURCE_BATCH);
  const behind = events.length === SOURCE_BATCH;
  // Behind, the next pass starts at the last event read; caught up, at now (the overlap still
  // covers a late commit), so a quiet source's re-read stays one overlap long.
  const last = events.at(-1)?.position ?? startMs;
  const next = behind ? last : last > nowMs ? last : nowMs;
  // A quiet source's cursor is written every CURSOR_STEP_MS, not on every pass.
  const moved = cursor === undefined || events.length > 0 || next - cursor >= CURSOR_STEP_MS;
  const written = await writeNotifications(deps, events, async (tx) => {
    if (moved && next !== cursor) await saveCursor(tx, source, next);
  });
  return { written, behind };
}

async function passFills(deps: NotificationPassDeps): Promise<PassResult> {
  const source = "trades.largeFills";
  const cursor = await readCursor(deps.db, source);
  if (cursor === undefined) {
    await saveCursor(deps.db, source, await lastTradeIdOf(deps.db));
    return { written: 0, behind: false };
  }
  const { events, lastTradeId } = await findLargeFills(
    deps.db,
    cursor,
    deps.largeFillLines,
    SOURCE_BATCH,
  );
  const written = await writeNotifications(deps, events, async (tx) => {
    if (lastTradeId !== cursor) await saveCursor(tx, source, lastTradeId);
  });
  return { written, behind: lastTradeId - cursor >= BigInt(SOURCE_BATCH) };
}

/** Writes the events' notifications with the source's new cursor, then pushes the new ones. */
async function writeNotifications(
  deps: NotificationPassDeps,
  events: readonly SourceEvent[],
  moveCursor: (tx: Store) => Promise<void>,
): Promise<number> {
  const drafts = await draftsOf(deps.db, events);
  const written = await inTransaction(deps.db, async (tx) => {
    const rows = await insertNotifications(tx, drafts);
    await moveCursor(tx);
    return rows;
  });
  for (const row of written) await pushNotification(deps, row);
  return written.length;
}

/** The drafts of the events, each owing a mail when its reader wants one of its type. */
async function draftsOf(db: Store, events: readonly SourceEvent[]): Promise<NotificationDraft[]> {
  if (events.length === 0) return [];
  const choices = await findMailChoices(
    db,
    events.map((e) => e.userId),
  );
  return events.map((event) => ({
    userId: event.userId,
    type: event.type,
    params: event.params,
    eventKey: event.eventKey,
    mailPending:
      isNotificationType(event.type) &&
      // Types mailed by their own domain ("always") are not mailed a second time here.
      isPassMailedType(event.type) &&
      mailWanted(event.type, choices.get(`${event.userId}:${event.type}`)),
  }));
}

/**
 * Publishes a new notification with its reader's unread count on their `@account`. Best
 * effort: a lost push is repaired by the bell's next read (on reconnect, on opening it).
 */
async function pushNotification(deps: NotificationPassDeps, row: NotificationRecord) {
  try {
    const unread = await countUnread(deps.db, row.userId);
    const push: NotificationPushWire = {
      kind: "notification",
      notification: notificationWire(row),
      unread,
    };
    const channel = streamBusChannel(deps.redisPrefix, channels.user(row.userId, "account"));
    await deps.redis.publish(channel, JSON.stringify(push));
  } catch (error) {
    deps.log.warn("notifications: a push failed", { error, id: row.id.toString() });
  }
}

/**
 * Sends the mails owed, oldest first, each cleared once the mail server took it. A mail that
 * fails stays owed and is tried again by the next pass; without a mailer they wait.
 */
async function sendOwedMails(deps: NotificationPassDeps): Promise<void> {
  if (!deps.mailer || !deps.webPublicUrl) return;
  for (const owed of await findOwedMails(deps.db, 50)) {
    const mail = notificationMail(owed, owed, deps.webPublicUrl);
    try {
      if (mail) await deps.mailer.send(mail);
      await clearOwedMail(deps.db, owed.id);
    } catch (error) {
      deps.log.warn("notifications: a mail could not be sent", { error, id: owed.id.toString() });
      return;
    }
  }
}
