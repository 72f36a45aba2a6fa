import type { StaffSection } from "@exchange/api/client";
import { timeZoneLabel } from "@exchange/ui/i18n";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { adminApi } from "./admin-api";

type AdminApi = Awaited<ReturnType<typeof adminApi>>;

/** A section's headline on the dashboard: one figure and what it counts. */
export interface SectionSummary {
  figure: string;
  caption: string;
}

/** At most this many held deposits are counted; more shows as "200+". */
const HELD_DEPOSITS_COUNTED = 200;

/**
 * Each section's headline, read through the same guarded procedure its page uses, in the
 * viewer's language. A section whose figure cannot be read says so instead of failing the page.
 */
export async function summarizeSection(
  api: AdminApi,
  section: StaffSection,
): Promise<SectionSummary> {
  const t = await getTranslations("dashboard.summaries");
  try {
    return await readSummary(api, section, t);
  } catch {
    return { figure: "—", caption: t("unavailable") };
  }
}

type SummaryText = Awaited<ReturnType<typeof getTranslations<"dashboard.summaries">>>;

async function readSummary(
  api: AdminApi,
  section: StaffSection,
  t: SummaryText,
): Promise<SectionSummary> {
  const format = await getFormatter();
  const count = (value: number) => format.number(value, "count");
  switch (section) {
    case "kyc":
      return {
        figure: count((await api.kyc.queue({ status: "PENDING", pageSize: 1 })).total),
        caption: t("kyc"),
      };
    case "users":
      return { figure: count((await api.users.search({})).total), caption: t("users") };
    case "withdrawals":
      return { figure: count((await api.withdrawals.queue()).total), caption: t("withdrawals") };
    case "deposits": {
      const held = (
        await api.finance.deposits.list({ status: "HELD", limit: HELD_DEPOSITS_COUNTED })
      ).deposits;
      return {
        figure:
          held.length >= HELD_DEPOSITS_COUNTED
            ? `${count(HELD_DEPOSITS_COUNTED)}+`
            : count(held.length),
        caption: t("deposits"),
      };
    }
    case "treasury": {
      const open = await api.finance.treasury.openAlerts();
      return open.length === 0
        ? { figure: t("treasuryOk"), caption: t("treasuryQuiet") }
        : { figure: count(open.length), caption: t("treasuryAlerts", { count: open.length }) };
    }
    case "products": {
      const products = await api.savings.products.list();
      const active = products.filter((p) => p.status === "ACTIVE").length;
      return { figure: count(products.length), caption: t("products", { active }) };
    }
    case "markets": {
      const markets = await api.markets.list();
      const trading = markets.filter((m) => m.status === "TRADING").length;
      return { figure: count(markets.length), caption: t("markets", { trading }) };
    }
    case "risk": {
      const { total } = await api.derivatives.risk.positions({ limit: 1 });
      return { figure: count(total), caption: t("risk") };
    }
    case "fees": {
      const [schedule, users] = await Promise.all([api.fees.schedule(), api.fees.users()]);
      const overrides = users.filter((u) => u.overrideTier !== null).length;
      return { figure: count(schedule.tiers.length), caption: t("fees", { overrides }) };
    }
    case "feeIncome": {
      const today = new Date().toISOString().slice(0, 10);
      const rows = await api.fees.income({ from: today, to: today });
      return { figure: count(new Set(rows.map((r) => r.symbol)).size), caption: t("feeIncome") };
    }
    case "announcements": {
      const live = (await api.announcements.list()).filter((a) => a.state === "LIVE");
      return { figure: count(live.length), caption: t("announcements") };
    }
    case "reconciliation": {
      const latest = (await api.reconciliation.list({ limit: 1 }))[0];
      if (!latest) return { figure: "—", caption: t("reconciliationNone") };
      if (latest.ok && latest.chainShortfall) {
        return { figure: t("shortfall"), caption: t("shortfallCaption") };
      }
      return latest.ok
        ? { figure: t("balanced"), caption: t("balancedCaption", { seq: String(latest.seq) }) }
        : { figure: count(latest.differences.length), caption: t("differences") };
    }
    case "system": {
      const overview = await api.system.overview();
      const down = overview.processes.filter((p) => !p.ok).length;
      const open = overview.alerts.unresolved.length;
      if (down > 0) return { figure: count(down), caption: t("systemDown", { count: down }) };
      return open === 0
        ? { figure: t("systemOk"), caption: t("systemQuiet") }
        : { figure: count(open), caption: t("systemAlerts", { count: open }) };
    }
    case "staff": {
      const pending = (await api.staff.list()).filter((s) => s.active && !s.twoFactorEnabled);
      return { figure: count(pending.length), caption: t("staff") };
    }
    case "audit": {
      const latest = (await api.audit.list({ limit: 1 })).rows[0];
      if (!latest) return { figure: "—", caption: t("auditNone") };
      const [locale, timeZone, audit] = await Promise.all([
        getLocale(),
        getTimeZone(),
        getTranslations("audit"),
      ]);
      // The action as the audit page names it, in the viewer's language; the code if unnamed.
      const actionKey = `actions.${latest.action}` as Parameters<typeof audit>[0];
      const action =
        audit.has(actionKey) && typeof audit.raw(actionKey) === "string"
          ? audit(actionKey)
          : latest.action;
      return {
        figure: format.dateTime(latest.createdAt, {
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        }),
        caption: t("auditLast", {
          zone: timeZoneLabel(timeZone, locale, latest.createdAt),
          action,
        }),
      };
    }
  }
}
