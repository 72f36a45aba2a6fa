import type { StaffSection } from "@exchange/api/client";
import { formatUtc } from "@/lib/time-format";
import type { adminApi } from "./admin-api";

type AdminApi = Awaited<ReturnType<typeof adminApi>>;

/** A section's headline on the dashboard: one figure and what it counts. */
export interface SectionSummary {
  figure: string;
  caption: string;
}

/** Each section's headline, read through the same guarded procedure its page uses. */
export async function summarizeSection(
  api: AdminApi,
  section: StaffSection,
): Promise<SectionSummary> {
  switch (section) {
    case "kyc":
      return {
        figure: String((await api.kyc.queue({ status: "PENDING", pageSize: 1 })).total),
        caption: "pending review",
      };
    case "users":
      return { figure: String((await api.users.search({})).total), caption: "registered traders" };
    case "withdrawals":
      return {
        figure: String((await api.withdrawals.queue()).total),
        caption: "awaiting approval",
      };
    case "deposits": {
      const held = (await api.finance.deposits.list({ status: "HELD", limit: 200 })).deposits;
      return {
        figure: held.length >= 200 ? "200+" : String(held.length),
        caption: "held for review",
      };
    }
    case "treasury": {
      const open = await api.finance.treasury.openAlerts();
      return open.length === 0
        ? { figure: "OK", caption: "no open hot-wallet alert" }
        : {
            figure: String(open.length),
            caption: open.length === 1 ? "open alert" : "open alerts",
          };
    }
    case "products": {
      const products = await api.savings.products.list();
      const active = products.filter((p) => p.status === "ACTIVE").length;
      return { figure: String(products.length), caption: `savings products, ${active} active` };
    }
    case "markets": {
      const markets = await api.markets.list();
      const trading = markets.filter((m) => m.status === "TRADING").length;
      return { figure: String(markets.length), caption: `markets, ${trading} trading` };
    }
    case "reconciliation": {
      const latest = (await api.reconciliation.list({ limit: 1 }))[0];
      if (!latest) return { figure: "—", caption: "no report yet" };
      if (latest.ok && latest.chainShortfall) {
        return { figure: "Shortfall", caption: "the chain holds less than users are owed" };
      }
      return latest.ok
        ? { figure: "Balanced", caption: `at journal seq ${latest.seq}` }
        : { figure: String(latest.differences.length), caption: "differences found" };
    }
    case "staff": {
      const pending = (await api.staff.list()).filter((s) => s.active && !s.twoFactorEnabled);
      return { figure: String(pending.length), caption: "without two-factor yet" };
    }
    case "audit": {
      const latest = (await api.audit.list({ limit: 1 })).rows[0];
      return latest
        ? {
            figure: formatUtc(latest.createdAt).slice(11, 16),
            caption: `last entry (UTC), ${latest.action}`,
          }
        : { figure: "—", caption: "no entries yet" };
    }
  }
}
