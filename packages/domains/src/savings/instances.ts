import { formatUnits } from "@exchange/contracts/money";
import type { SavingsInstance } from "@exchange/contracts/savings";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { inTransaction, type Services, type Store } from "../services";
import {
  findInstancesByDays,
  findInstancesOpenAt,
  findProductsToGenerate,
  type InstanceRecord,
  insertInstances,
  type NewInstance,
} from "./instance-repository";
import type { ListInstancesInput } from "./product-contracts";
import { dayOf, type ScheduleTerms } from "./repayment-schedule";
import { daysOfMonth, instanceCalendar, monthOf, nextMonth, termsOf } from "./savings-terms";

/**
 * A product's day-by-day offers. Each ACTIVE product gets one instance per day, generated ahead
 * from its current version and never changed after (a revision applies to instances generated
 * later). Traders see, and may subscribe to, the instances whose window contains now.
 */

export type { InstanceRecord } from "./instance-repository";

/** What generation needs: a database and the time (the worker has no full Services). */
export type GenerationServices = Pick<Services, "db" | "clock">;

/**
 * Creates, for every ACTIVE product (or those of `productIds`), the instances of `month`'s days
 * that have none yet, from each product's current version; returns how many it created. Days
 * already over are skipped: their window is closed, nobody could subscribe. Running it again,
 * or twice at once, creates nothing twice (one row per product and day).
 */
export async function generateInstances(
  services: GenerationServices,
  month: string,
  options: { productIds?: number[]; store?: Store } = {},
): Promise<number> {
  const store = options.store ?? services.db;
  const today = dayOf(clockDate(services.clock));
  const days = daysOfMonth(month).filter((day) => day >= today);
  if (days.length === 0) return 0;
  const products = await findProductsToGenerate(store, options.productIds);
  const rows: NewInstance[] = products.flatMap((product) =>
    days.map((day) => ({ product, calendar: instanceCalendar(day, product.termDays) })),
  );
  return insertInstances(store, rows);
}

/** The current month and the next: what the daily job and a new product generate. */
export function monthsAhead(services: Pick<Services, "clock">): [string, string] {
  const month = monthOf(clockDate(services.clock));
  return [month, nextMonth(month)];
}

/** Generates the current and the next month; returns how many instances it created. */
export async function generateMonthsAhead(
  services: GenerationServices,
  options: { productIds?: number[]; store?: Store } = {},
): Promise<number> {
  let created = 0;
  for (const month of monthsAhead(services)) {
    created += await generateInstances(services, month, options);
  }
  return created;
}

/**
 * Operations generating a month by hand (as the job would, at once), audited with the count it
 * created. One transaction: the audit entry and the instances commit together.
 */
export async function generateInstancesByStaff(
  services: Services,
  caller: { staffId: number; ip?: string | undefined },
  month: string,
): Promise<{ month: string; created: number }> {
  return inTransaction(services.db, async (tx) => {
    const created = await generateInstances(services, month, { store: tx });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "savings.instances.generate",
      target: { type: "savings_month", id: month },
      after: { month, created },
      ip: caller.ip,
    });
    return { month, created };
  });
}

/** An instance as the wire shows it: its version's terms, quota, subscribed and remaining. */
export function instanceView(record: InstanceRecord): SavingsInstance {
  const remaining = record.quotaAtoms - record.subscribedAtoms;
  const amount = (atoms: bigint) => formatUnits(atoms, record.precision);
  return {
    ...termsOf(record.version.terms, record.precision),
    id: record.id,
    productId: record.productId,
    version: record.version.version,
    day: record.day,
    windowStart: record.windowStart,
    windowEnd: record.windowEnd,
    valueDate: record.valueDate,
    maturityDate: record.maturityDate,
    quota: amount(record.quotaAtoms),
    subscribed: amount(record.subscribedAtoms),
    remaining: amount(remaining > 0n ? remaining : 0n),
  };
}

/** Operations' list: instances of one product or all, days `from` to `to`, by product and day. */
export async function listInstances(
  services: Services,
  query: ListInstancesInput,
): Promise<SavingsInstance[]> {
  const records = await findInstancesByDays(services.db, query);
  return records.map(instanceView);
}

/** Whose instances traders see: paused products keep the offers already generated. */
const OFFERED_STATUSES = ["ACTIVE", "PAUSED"] as const;

/**
 * What traders may subscribe to now: the instances whose window contains the clock's now, of
 * ACTIVE or PAUSED products, by product. Sold-out ones are listed with nothing remaining.
 */
export async function openInstances(services: Services): Promise<SavingsInstance[]> {
  const records = await findInstancesOpenAt(
    services.db,
    clockDate(services.clock),
    OFFERED_STATUSES,
  );
  return records.map(instanceView);
}

/** Whether `at` is inside an instance's window [start, end). */
export function isWindowOpen(record: Pick<InstanceRecord, "windowStart" | "windowEnd">, at: Date) {
  return record.windowStart <= at && at < record.windowEnd;
}

/** What the repayment schedule needs of an instance: its version's terms and its value date. */
export function scheduleTermsOf(record: InstanceRecord): ScheduleTerms {
  const { annualRatePpm, termDays, payoutPeriod } = record.version.terms;
  return { annualRatePpm, termDays, payoutPeriod, valueDate: record.valueDate };
}
