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
  findLiquidatedPositions,
  findMailChoices,
  findMaturingLoans,
  findOwedMails,
  findRejectedWithdrawals,
  findSentWithdrawals,
  findWrittenElsewhere,
  insertNotifications,
  lastNotificationId,
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

/** Events after `afterMs` (and, for a time set ahead of the fact, not after `nowMs`). */
type TimeSourceReader = (
  db: Store,
  afterMs: bigint,
  limit: number,
  nowMs: bigint,
) => Promise<SourceEvent[]>;

/** The sources read by time (their event's time in epoch ms), by cursor name. */
const TIME_SOURCES: Record<string, TimeSourceReader> = {
  "deposits.credited": findCreditedDeposits,
  "withdrawals.sent": findSentWithdrawals,
  "withdrawals.rejected": findRejectedWithdrawals,
  "kyc.decisions": findKycDecisions,
  // A loan's notice falls a day before its maturity: its time comes, rather than happens.
  "loans.maturing": findMaturingLoans,
  "positions.liquidated": findLiquidatedPositions,
};

/**
 * Types written by another process, in the transaction of its own decision (the loan monitor's
 * warnings and liquidations): the pass pushes them to the bell and mails them as chosen.
 */
const WRITTEN_ELSEWHERE = ["loan.warning", "loan.liquidated"] as const;
const RELAY_CURSOR = "notifications.writtenElsewhere";

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
  behind ||= await pushWrittenElsewhere(deps);
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
  const events = await read(deps.db, startMs - TIME_OVERLAP_MS, SOURCE_BATCH, nowMs);
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

/**
 * Pushes the notifications other processes wrote since the last pass, by id. Best effort, like
 * every push: a row committed after a later id was read is not pushed, and the bell shows it at
 * its next read (opening it, a reconnect). Returns whether a full batch was read.
 */
async function pushWrittenElsewhere(deps: NotificationPassDeps): Promise<boolean> {
  const cursor = await readCursor(deps.db, RELAY_CURSOR);
  if (cursor === undefined) {
    await saveCursor(deps.db, RELAY_CURSOR, await lastNotificationId(deps.db));
    return false;
  }
  const rows = await findWrittenElsewhere(deps.db, WRITTEN_ELSEWHERE, cursor, SOURCE_BATCH);
  const last = rows.at(-1);
  if (!last) return false;
  for (const row of rows) await pushNotification(deps, row);
  await saveCursor(deps.db, RELAY_CURSOR, last.id);
  return rows.length === SOURCE_BATCH;
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
 * Sends the mails owed that their readers want (a mail not wanted is cleared unsent), oldest
 * first, each cleared once the mail server took it. A mail that
 * fails stays owed and is tried again by the next pass; without a mailer they wait.
 */
async function sendOwedMails(deps: NotificationPassDeps): Promise<void> {
  if (!deps.mailer || !deps.webPublicUrl) return;
  const owedMails = await findOwedMails(deps.db, 50);
  const choices = await findMailChoices(
    deps.db,
    owedMails.map((o) => o.userId),
  );
  for (const owed of owedMails) {
    // Asked again at sending: a row written elsewhere owes its mail whatever the reader chose.
    const wanted =
      isNotificationType(owed.type) &&
      mailWanted(owed.type, choices.get(`${owed.userId}:${owed.type}`));
    const mail = wanted ? notificationMail(owed, owed, deps.webPublicUrl) : undefined;
    try {
      if (mail) await deps.mailer.send(mail);
      await clearOwedMail(deps.db, owed.id);
    } catch (error) {
      deps.log.warn("notifications: a mail could not be sent", { error, id: owed.id.toString() });
      return;
    }
  }
}
