import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ClearOverrideButton, OverrideForm, TierForm } from "@/components/fees/fee-forms";
import { Panel } from "@/components/fees/panel";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fees");
  return { title: t("title") };
}

/** Operations' fee schedule (tiers by 30-day volume) and traders' tiers and overrides. */
export default async function FeesPage() {
  await requireSection("fees", "/fees");
  const api = await adminApi();
  const [schedule, users, t, nav, format] = await Promise.all([
    loadForPage(() => api.fees.schedule()),
    loadForPage(() => api.fees.users()),
    getTranslations("fees"),
    getTranslations("nav.sections.fees"),
    getFormatter(),
  ]);
  const right = "right" as const;
  const unit = schedule.volumeAsset;
  return (
    <PageBody>
      <PageHeader title={t("title")} description={nav("description")} />
      <DataTable
        caption={t("schedule.caption")}
        minWidth="min-w-[640px]"
        columns={[
          { header: t("schedule.tier") },
          { header: t("schedule.minVolume", { days: schedule.windowDays }), align: right },
          { header: t("schedule.maker"), align: right },
          { header: t("schedule.taker"), align: right },
          { header: t("schedule.updatedAt"), align: right },
        ]}
        rows={schedule.tiers.map((tier) => (
          <tr key={tier.tier} data-testid="fee-tier-row">
            <th scope="row" className="h-11 px-4 text-left font-semibold text-ink">
              {t("schedule.tierName", { tier: tier.tier })}
            </th>
            <AmountCell value={tier.minVolume} unit={unit} />
            <td className="px-4 text-right tabular-nums">
              <ScaleText percent={tier.makerScalePercent} rebate={t("schedule.rebate")} />
            </td>
            <td className="px-4 text-right tabular-nums">{`${tier.takerScalePercent} %`}</td>
            <td className="px-4 text-right text-ink-muted tabular-nums">
              {format.dateTime(tier.updatedAt, "dateTime")}
            </td>
          </tr>
        ))}
      />
      <p className="mt-2 text-[13px] text-ink-muted">{t("schedule.scaleNote")}</p>
      <Panel title={t("tierForm.title")} description={t("tierForm.description")}>
        <TierForm volumeAsset={unit} />
      </Panel>
      <Panel title={t("users.title")} description={t("users.description")}>
        <OverrideForm tiers={schedule.tiers.map((tier) => tier.tier)} />
        <DataTable
          caption={t("users.title")}
          minWidth="min-w-[720px]"
          columns={[
            { header: t("users.user") },
            { header: t("users.tier"), align: right },
            { header: t("users.volume"), align: right },
            { header: t("users.override") },
            { header: t("users.actions"), align: right },
          ]}
          empty={<EmptyState section="fees" title={nav("emptyTitle")} hint={nav("emptyHint")} />}
          rows={users.map((user) => (
            <tr key={user.userId} data-testid="fee-user-row">
              <th scope="row" className="h-11 px-4 text-left font-normal">
                <span className="text-ink">{user.email}</span>
                <span className="ml-2 font-mono text-xs text-ink-faint">#{user.userId}</span>
              </th>
              <td className="px-4 text-right tabular-nums">
                {t("schedule.tierName", { tier: user.tier })}
              </td>
              <AmountCell value={user.volume} unit={unit} />
              <td className="px-4 text-ink-muted">
                {user.overrideTier === null
                  ? t("users.none")
                  : t("users.overrideText", {
                      tier: user.overrideTier,
                      reason: user.overrideReason ?? "",
                    })}
              </td>
              <td className="px-4 py-1.5 text-right">
                {user.overrideTier === null ? null : (
                  <ClearOverrideButton userId={user.userId} email={user.email} />
                )}
              </td>
            </tr>
          ))}
        />
      </Panel>
    </PageBody>
  );
}

function ScaleText({ percent, rebate }: { percent: string; rebate: string }) {
  if (!percent.startsWith("-")) return `${percent} %`;
  return (
    <span className="text-up">
      {`${percent} %`} <span className="text-xs">({rebate})</span>
    </span>
  );
}
