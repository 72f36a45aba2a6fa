import { groupThousands } from "@exchange/contracts/money";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Withdrawal" };

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
  return (
    <PageBody>
      <DetailHeader
        backHref="/withdrawals"
        backLabel="Withdrawals"
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink tabular-nums">
            {groupThousands(w.amount)} {w.asset}
          </h1>
        }
        badge={<WithdrawalStatusBadge status={w.status} />}
        waitingSince={pending ? w.createdAt : null}
        now={now}
      />

      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid grid-cols-1 items-start gap-4 2xl:grid-cols-2">
          <DetailCard shrinks title="Withdrawal">
            <Facts
              rows={[
                ["Amount", `${groupThousands(w.amount)} ${w.asset}`],
                ["Network fee", `${w.fee} ${w.asset}`],
                ["Network", w.network],
                [
                  "Destination",
                  <span key="a" className="font-mono text-xs text-ink">
                    {w.address}
                  </span>,
                ],
                ["Risk", <RiskFlags key="r" flags={detail.riskFlags} />],
                [
                  "Approvals",
                  `${approvals.length} of ${detail.requiredApprovals} required${detail.requiredApprovals === 0 ? " (automatic)" : ""}`,
                ],
                ["Requested", formatUtc(w.createdAt)],
                ["Approved", w.approvedAt ? formatUtc(w.approvedAt) : "—"],
                ["Broadcast", w.broadcastAt ? formatUtc(w.broadcastAt) : "—"],
                ["Ended", w.endedAt ? formatUtc(w.endedAt) : "—"],
                [
                  "Transaction",
                  w.txHash ? (
                    <span key="t" className="font-mono text-xs">
                      {w.txHash}
                    </span>
                  ) : (
                    "—"
                  ),
                ],
                ...(w.rejectReason ? [["Reject reason", w.rejectReason] as const] : []),
                ...(w.failureReason ? [["Failure", w.failureReason] as const] : []),
                [
                  "Id",
                  <span key="i" className="font-mono text-xs">
                    {w.id}
                  </span>,
                ],
              ]}
            />
          </DetailCard>
          <DetailCard shrinks title="Trader" action={<ProfileLink userId={detail.user.id} />}>
            <Facts
              rows={[
                ...userIdentityFacts(detail.user),
                ["Two-factor", detail.user.twoFactorOn ? "On" : "Off"],
                [
                  "Password changed",
                  detail.user.passwordChangedAt ? formatUtc(detail.user.passwordChangedAt) : "—",
                ],
              ]}
            />
            <SubHeading>Balances</SubHeading>
            <table className="w-full text-[13px]" data-testid="user-balances">
              <thead className="text-[11px] text-ink-faint">
                <tr>
                  <th className="py-1 text-left font-medium">Asset</th>
                  <th className="py-1 text-right font-medium">Available</th>
                  <th className="py-1 text-right font-medium">Frozen</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {detail.balances.map((b) => (
                  <tr key={b.asset} className="border-t border-line">
                    <td className="py-1 text-ink">{b.asset}</td>
                    <td className="py-1 text-right text-ink-muted">
                      {groupThousands(b.available)}
                    </td>
                    <td className="py-1 text-right text-ink-muted">{groupThousands(b.frozen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DetailCard>
          <DetailCard shrinks title={`Ledger: ${w.asset}, latest first`}>
            {detail.postings.length === 0 ? (
              <p className="text-xs text-ink-muted">No postings.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[28rem] text-xs" data-testid="user-postings">
                  <thead className="text-[11px] text-ink-faint">
                    <tr>
                      <th className="py-1 text-left font-medium">Posted (UTC)</th>
                      <th className="py-1 text-left font-medium">Cause</th>
                      <th className="py-1 text-left font-medium">Account</th>
                      <th className="py-1 text-right font-medium">Amount</th>
                      <th className="py-1 text-right font-medium">Balance</th>
                    </tr>
                  </thead>
                  <tbody className="tabular-nums">
                    {detail.postings.map((p) => (
                      <tr key={p.id} className="border-t border-line">
                        <td className="py-1 pr-2 whitespace-nowrap text-ink-muted">
                          {formatUtc(p.postedAt).slice(0, 16)}
                        </td>
                        <td className="py-1 pr-2 text-ink">{p.cause}</td>
                        <td className="py-1 pr-2 text-ink-muted">{p.account}</td>
                        <td
                          className={`py-1 text-right ${p.amount.startsWith("-") ? "text-down" : "text-up"}`}
                        >
                          {groupThousands(p.amount)}
                        </td>
                        <td className="py-1 text-right text-ink-muted">
                          {groupThousands(p.balance)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </DetailCard>
          <DetailCard shrinks title="Previous withdrawals">
            {detail.previous.length === 0 ? (
              <p className="text-xs text-ink-muted">None: this is the first.</p>
            ) : (
              <ul className="flex flex-col gap-2" data-testid="previous-withdrawals">
                {detail.previous.map((p) => (
                  <li
                    key={p.id}
                    className="flex flex-wrap items-center gap-2 rounded-md bg-raised/50 px-3 py-2 text-xs ring-1 ring-line ring-inset"
                  >
                    <Link href={`/withdrawals/${p.id}`} className="text-brand tabular-nums">
                      {groupThousands(p.amount)} {p.asset}
                    </Link>
                    <WithdrawalStatusBadge status={p.status} />
                    <span className="min-w-0 truncate font-mono text-ink-faint" title={p.address}>
                      {p.address}
                    </span>
                    <span className="ml-auto text-ink-faint tabular-nums">
                      {formatUtc(p.createdAt).slice(0, 16)}
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
            />
          ) : pending ? (
            <DetailCard shrinks title="Decision">
              <p className="text-xs text-ink-muted">
                Waiting for finance. Only staff with the Finance role decide on withdrawals.
              </p>
            </DetailCard>
          ) : null}
          <DetailCard shrinks title="Decisions so far">
            {detail.decisions.length === 0 ? (
              <p className="text-xs text-ink-muted">
                {detail.requiredApprovals === 0 ? "Approved automatically." : "None yet."}
              </p>
            ) : (
              <ul className="flex flex-col gap-2 text-[13px]" data-testid="withdrawal-decisions">
                {detail.decisions.map((d) => (
                  <li key={d.staffId} className="flex flex-col gap-0.5">
                    <span className={d.decision === "APPROVE" ? "text-up" : "text-down"}>
                      {d.decision === "APPROVE" ? "Approved" : "Rejected"} by{" "}
                      <span className="text-ink">{d.staffName}</span>
                    </span>
                    <span className="text-xs text-ink-faint tabular-nums">
                      {formatUtc(d.createdAt)}
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
