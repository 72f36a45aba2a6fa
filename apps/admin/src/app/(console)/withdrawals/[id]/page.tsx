import { DateTime, formatDecimalText, timeZoneLabel } from "@exchange/ui/i18n";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PageBody } from "@/components/page-body";
import {
  DetailCard,
  DetailHeader,
  Facts,
  ProfileLink,
  SubHeading,
  userIdentityFacts,
} from "@/components/review/detail-parts";
import { RiskFlags, WithdrawalStatusBadge } from "@/components/withdrawals/withdrawal-badges";
import { WithdrawalDecisionPanel } from "@/components/withdrawals/withdrawal-decision-panel";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("withdrawals");
  return { title: t("detailTitle") };
}

/** A moment in a fact list, or a dash when it has not happened. */
function when(at: Date | null) {
  return at ? <DateTime at={at} /> : "—";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function WithdrawalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireSection("withdrawals", `/withdrawals/${id}`);
  if (!UUID.test(id)) notFound();
  const api = await adminApi();
  const detail = await loadForPage(() =>
    api.withdrawals.detail({ id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  const w = detail.withdrawal;
  const now = new Date();
  const pending = w.status === "PENDING_APPROVAL";
  const canDecide = staff.roles.includes("FINANCE");
  const approvals = detail.decisions.filter((d) => d.decision === "APPROVE");
  const t = await getTranslations("withdrawals.detail");
  const identity = await getTranslations("common.detail");
  const ledger = await getTranslations("withdrawals.ledger");
  const locale = await getLocale();
  const zone = timeZoneLabel(await getTimeZone(), locale);
  const amount = (value: string) => formatDecimalText(value, locale);
  return (
    <PageBody>
      <DetailHeader
        backHref="/withdrawals"
        backLabel={(await getTranslations("withdrawals"))("title")}
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink tabular-nums">
            {amount(w.amount)} {w.asset}
          </h1>
        }
        badge={<WithdrawalStatusBadge status={w.status} />}
        waitingSince={pending ? w.createdAt : null}
        now={now}
      />

      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid grid-cols-1 items-start gap-4 2xl:grid-cols-2">
          <DetailCard shrinks title={t("card")}>
            <Facts
              rows={[
                [t("amount"), `${amount(w.amount)} ${w.asset}`],
                [t("fee"), `${amount(w.fee)} ${w.asset}`],
                [t("network"), w.network],
                [
                  t("destination"),
                  <span key="a" translate="no" className="font-mono text-xs text-ink">
                    {w.address}
                  </span>,
                ],
                [t("risk"), <RiskFlags key="r" flags={detail.riskFlags} />],
                [
                  t("approvals"),
                  t(detail.requiredApprovals === 0 ? "approvalsAutomatic" : "approvalsOf", {
                    approvals: approvals.length,
                    required: detail.requiredApprovals,
                  }),
                ],
                [t("requested"), when(w.createdAt)],
                [t("approved"), when(w.approvedAt)],
                [t("broadcast"), when(w.broadcastAt)],
                [t("ended"), when(w.endedAt)],
                [
                  t("transaction"),
                  w.txHash ? (
                    <span key="t" translate="no" className="font-mono text-xs">
                      {w.txHash}
                    </span>
                  ) : (
                    "—"
                  ),
                ],
                ...(w.rejectReason ? [[t("rejectReason"), w.rejectReason] as const] : []),
                ...(w.failureReason ? [[t("failure"), w.failureReason] as const] : []),
                [
                  t("id"),
                  <span key="i" translate="no" className="font-mono text-xs">
                    {w.id}
                  </span>,
                ],
              ]}
            />
          </DetailCard>
          <DetailCard shrinks title={t("trader")} action={<ProfileLink userId={detail.user.id} />}>
            <Facts
              rows={[
                ...userIdentityFacts(detail.user, {
                  email: identity("email"),
                  userId: identity("userId"),
                  kycLevel: identity("kycLevel"),
                }),
                [t("twoFactor"), detail.user.twoFactorOn ? t("on") : t("off")],
                [t("passwordChanged"), when(detail.user.passwordChangedAt)],
              ]}
            />
            <SubHeading>{t("balances")}</SubHeading>
            {detail.balances.length === 0 ? (
              <p className="text-xs text-ink-muted">{t("noBalances")}</p>
            ) : null}
            <table className="w-full text-[13px]" data-testid="user-balances">
              <thead className="text-[11px] text-ink-faint">
                <tr>
                  <th className="py-1 text-left font-medium">{t("asset")}</th>
                  <th className="py-1 text-right font-medium">{t("available")}</th>
                  <th className="py-1 text-right font-medium">{t("frozen")}</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {detail.balances.map((b) => (
                  <tr key={b.asset} className="border-t border-line">
                    <td className="py-1 text-ink">{b.asset}</td>
                    <td className="py-1 text-right text-ink-muted">{amount(b.available)}</td>
                    <td className="py-1 text-right text-ink-muted">{amount(b.frozen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DetailCard>
          <DetailCard shrinks title={t("ledger", { asset: w.asset })}>
            {detail.postings.length === 0 ? (
              <p className="text-xs text-ink-muted">{t("noPostings")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[28rem] text-xs" data-testid="user-postings">
                  <thead className="text-[11px] text-ink-faint">
                    <tr>
                      <th className="py-1 text-left font-medium">{t("posted", { zone })}</th>
                      <th className="py-1 text-left font-medium">{t("cause")}</th>
                      <th className="py-1 text-left font-medium">{t("account")}</th>
                      <th className="py-1 text-right font-medium">{t("amount")}</th>
                      <th className="py-1 text-right font-medium">{t("balance")}</th>
                    </tr>
                  </thead>
                  <tbody className="tabular-nums">
                    {detail.postings.map((p) => (
                      <tr key={p.id} className="border-t border-line">
                        <td className="py-1 pr-2 whitespace-nowrap text-ink-muted">
                          <DateTime at={p.postedAt} format="dateTimeBare" />
                        </td>
                        {/* The engine's own name for the cause: a code, shown as recorded. */}
                        <td className="py-1 pr-2 font-mono text-xs text-ink" translate="no">
                          {p.cause}
                        </td>
                        <td className="py-1 pr-2 text-ink-muted">
                          {p.account === "available" || p.account === "frozen"
                            ? ledger(`accounts.${p.account}`)
                            : p.account}
                        </td>
                        <td
                          className={`py-1 text-right ${p.amount.startsWith("-") ? "text-down" : "text-up"}`}
                        >
                          {amount(p.amount)}
                        </td>
                        <td className="py-1 text-right text-ink-muted">{amount(p.balance)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </DetailCard>
          <DetailCard shrinks title={t("previous")}>
            {detail.previous.length === 0 ? (
              <p className="text-xs text-ink-muted">{t("noPrevious")}</p>
            ) : (
              <ul className="flex flex-col gap-2" data-testid="previous-withdrawals">
                {detail.previous.map((p) => (
                  <li
                    key={p.id}
                    className="flex flex-wrap items-center gap-2 rounded-md bg-raised/50 px-3 py-2 text-xs ring-1 ring-line ring-inset"
                  >
                    <Link href={`/withdrawals/${p.id}`} className="text-brand tabular-nums">
                      {amount(p.amount)} {p.asset}
                    </Link>
                    <WithdrawalStatusBadge status={p.status} />
                    <span
                      translate="no"
                      className="min-w-0 truncate font-mono text-ink-faint"
                      title={p.address}
                    >
                      {p.address}
                    </span>
                    <span className="ml-auto text-ink-faint tabular-nums">
                      <DateTime at={p.createdAt} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </DetailCard>
        </div>
        <div className="flex flex-col gap-4">
          {pending && canDecide ? (
            <WithdrawalDecisionPanel
              withdrawalId={w.id}
              approvals={approvals.length}
              requiredApprovals={detail.requiredApprovals}
              approvedByMe={approvals.some((d) => d.staffId === staff.id)}
              ownerWithdrawalsFrozen={detail.ownerWithdrawalsFrozen}
            />
          ) : pending ? (
            <DetailCard shrinks title={t("decision")}>
              <p className="text-xs text-ink-muted">{t("waitingForFinance")}</p>
            </DetailCard>
          ) : null}
          <DetailCard shrinks title={t("decisions")}>
            {detail.decisions.length === 0 ? (
              <p className="text-xs text-ink-muted">
                {detail.requiredApprovals === 0 ? t("approvedAutomatically") : t("noneYet")}
              </p>
            ) : (
              <ul className="flex flex-col gap-2 text-[13px]" data-testid="withdrawal-decisions">
                {detail.decisions.map((d) => (
                  <li key={d.staffId} className="flex flex-col gap-0.5">
                    <span className={d.decision === "APPROVE" ? "text-up" : "text-down"}>
                      {t.rich(d.decision === "APPROVE" ? "approvedBy" : "rejectedBy", {
                        staff: d.staffName,
                        name: (chunks) => <span className="text-ink">{chunks}</span>,
                      })}
                    </span>
                    <span className="text-xs text-ink-faint tabular-nums">
                      <DateTime at={d.createdAt} />
                    </span>
                    {d.reason ? <span className="text-xs text-ink-muted">“{d.reason}”</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </DetailCard>
        </div>
      </div>
    </PageBody>
  );
}
