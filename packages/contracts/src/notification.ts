import { z } from "zod";
import { ZTime } from "./wire";

/**
 * A trader's in-app notifications: what the bell counts, its panel and the notifications page
 * list, and what `@account` pushes when one is written. A notification carries its type and the
 * facts to render (`params`, strings); each app renders them in the reader's language, so a
 * notification written once reads in English and in Chinese.
 */

/** How a type's mail is decided. */
export type NotificationMailRule =
  /** The trader chooses; `mailByDefault` until they do. Mailed by the notification pass. */
  | { kind: "optional"; mailByDefault: boolean }
  /**
   * A security mail: always sent, by the domain where the event happens, at the moment it happens
   * (the wallet's withdrawal mails, the KYC decision mail); the trader cannot turn it off.
   */
  | { kind: "always" };

/**
 * Every type of notification and its mail rule. Types are data (the `notifications.type`
 * column is text): a new one (a loan's margin warning, a position's liquidation warning) is a
 * row here, its words in both apps' catalogs and the mail's words, and a source that writes it.
 */
export const NOTIFICATION_TYPES = {
  /** A deposit was credited to the trader's balance. Params: asset, amount. */
  "deposit.credited": { kind: "optional", mailByDefault: true },
  /** A withdrawal was signed and sent to the chain. Params: asset, amount, address. */
  "withdrawal.sent": { kind: "optional", mailByDefault: true },
  /** Finance refused a withdrawal; the funds are back. Params: asset, amount, reason. */
  "withdrawal.rejected": { kind: "always" },
  /** The identity review approved the trader. Params: level. */
  "kyc.approved": { kind: "always" },
  /** The identity review refused the submission. Params: reason. */
  "kyc.rejected": { kind: "always" },
  /**
   * A fill whose value reached the large-fill line of its quote asset (the worker's
   * LARGE_FILL_NOTIONALS). Params: symbol, side, quantity, price, quoteAmount, quoteAsset.
   */
  "order.largeFill": { kind: "optional", mailByDefault: false },
  /**
   * A loan's LTV reached its warning line (once per crossing; the loan monitor). Params:
   * collateralAsset, loanAsset, ltv (percent), indexPrice, liquidationPrice.
   */
  "loan.warning": { kind: "optional", mailByDefault: true },
  /**
   * A loan was liquidated: its collateral sold through the book. Params: collateralAsset,
   * loanAsset, sold (collateral sold), fills (how many), surplus (loan asset returned),
   * collateralReturned (unsold collateral returned).
   */
  "loan.liquidated": { kind: "optional", mailByDefault: true },
  /**
   * A loan matures within a day (once per loan; the notifier, a day before `matures_at`): repay
   * it or it is closed from the collateral. Params: collateralAsset, loanAsset, debt (as last
   * projected), maturesAt (epoch ms; each app shows it in the reader's zone and language).
   */
  "loan.maturing": { kind: "optional", mailByDefault: true },
  /**
   * A perpetual position was liquidated (the engine, at a mark past its liquidation price).
   * Params: symbol, side (long / short), quantity, markPrice, bankruptcyPrice.
   */
  "position.liquidated": { kind: "optional", mailByDefault: true },
} as const satisfies Record<string, NotificationMailRule>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export function isNotificationType(text: string): text is NotificationType {
  return Object.hasOwn(NOTIFICATION_TYPES, text);
}

/** Whether the trader gets a mail of `type`, given their stored choice (undefined: none made). */
export function mailWanted(type: NotificationType, choice: boolean | undefined): boolean {
  const rule: NotificationMailRule = NOTIFICATION_TYPES[type];
  if (rule.kind === "always") return true;
  return choice ?? rule.mailByDefault;
}

export const ZNotification = z.object({
  /** The row's id, as text (a BIGINT). */
  id: z.string(),
  /** A known type, or one newer than the reader (shown generically). */
  type: z.string(),
  params: z.record(z.string(), z.string()),
  read: z.boolean(),
  createdAt: ZTime,
});
export type Notification = z.output<typeof ZNotification>;
export type NotificationWire = z.input<typeof ZNotification>;

/**
 * `@account` carries the trader's fills (trade.ts) and, marked by `kind`, a new notification
 * with the unread count after it, so the bell changes without a read.
 */
export const ZNotificationPush = z.object({
  kind: z.literal("notification"),
  notification: ZNotification,
  unread: z.number().int().nonnegative(),
});
export type NotificationPush = z.output<typeof ZNotificationPush>;
export type NotificationPushWire = z.input<typeof ZNotificationPush>;

/** Whether an `@account` push is a notification (fills carry no `kind`). */
export function isNotificationPush(data: unknown): boolean {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { kind?: unknown }).kind === "notification"
  );
}

/** One announcement as a trader reads it, in their language. */
export const ZAnnouncement = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  startsAt: ZTime.nullable(),
  endsAt: ZTime.nullable(),
  createdAt: ZTime,
});
export type Announcement = z.output<typeof ZAnnouncement>;
