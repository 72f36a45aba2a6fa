import {
  canDecideKyc,
  canReadKycDocuments,
  countryName,
  KYC_DOCUMENT_TYPE_LABELS,
} from "@exchange/api/client";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionPanel } from "@/components/kyc/decision-panel";
import { DocumentCard } from "@/components/kyc/document-card";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import {
  DetailCard,
  DetailHeader,
  Facts,
  ProfileLink,
  SubHeading,
  userIdentityFacts,
} from "@/components/review/detail-parts";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "KYC submission" };

/** Shown in place of personal data to staff without the COMPLIANCE role (the API sends null). */
const COMPLIANCE_ONLY = "Compliance only";

function ageOf(dateOfBirth: Date, now: Date): number {
  const years = now.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const before =
    now.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (now.getUTCMonth() === dateOfBirth.getUTCMonth() &&
      now.getUTCDate() < dateOfBirth.getUTCDate());
  return before ? years - 1 : years;
}

export default async function KycSubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: idText } = await params;
  const staff = await requireSection("kyc", `/kyc/${idText}`);
  if (!/^[1-9]\d{0,8}$/.test(idText)) notFound();
  const api = await adminApi();
  const submission = await loadForPage(() =>
    api.kyc.submission({ id: Number(idText) }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  const now = new Date();
  const canView = canReadKycDocuments(staff.roles);
  const canDecide = canDecideKyc(staff.roles);
  const pending = submission.status === "PENDING";
  return (
    <PageBody>
      <DetailHeader
        backHref="/kyc"
        backLabel="KYC queue"
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink">
            Submission <span className="tabular-nums">#{submission.id}</span>
          </h1>
        }
        badge={<KycStatusBadge status={submission.status} />}
        waitingSince={pending ? submission.createdAt : null}
        now={now}
      />

      <section aria-label="Documents" className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {submission.documents.map((document) => (
          <DocumentCard key={document.id} document={document} canView={canView} />
        ))}
      </section>

      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid grid-cols-1 items-start gap-4 2xl:grid-cols-2">
          <DetailCard title="Applicant">
            <Facts
              rows={[
                [
                  "Legal name",
                  <span key="n" className="font-medium text-ink">
                    {submission.legalName ?? COMPLIANCE_ONLY}
                  </span>,
                ],
                [
                  "Date of birth",
                  submission.dateOfBirth
                    ? `${submission.dateOfBirth.toISOString().slice(0, 10)} (age ${ageOf(submission.dateOfBirth, now)})`
                    : COMPLIANCE_ONLY,
                ],
                ["Country", `${countryName(submission.country)} (${submission.country})`],
                ["Document", KYC_DOCUMENT_TYPE_LABELS[submission.documentType]],
                [
                  "Document number",
                  <span key="d" className="font-mono text-ink">
                    {submission.documentNumber ?? COMPLIANCE_ONLY}
                  </span>,
                ],
                ["Submitted", formatUtc(submission.createdAt)],
                ["Level requested", `Level ${submission.level}`],
              ]}
            />
          </DetailCard>
          <DetailCard title="Account" action={<ProfileLink userId={submission.user.id} />}>
            <Facts
              rows={[
                ...userIdentityFacts(submission.user),
                ["Account status", submission.user.status === "ACTIVE" ? "Active" : "Suspended"],
                ["Registered", formatUtc(submission.user.createdAt)],
              ]}
            />
            <SubHeading>Earlier submissions</SubHeading>
            {submission.history.length === 0 ? (
              <p className="text-xs text-ink-muted">None: this is the first.</p>
            ) : (
              <ul className="flex flex-col gap-2" data-testid="kyc-history">
                {submission.history.map((earlier) => (
                  <li
                    key={earlier.id}
                    className="flex flex-col gap-1 rounded-md bg-raised/50 px-3 py-2 ring-1 ring-line ring-inset"
                  >
                    <div className="flex items-center gap-2 text-xs">
                      <Link href={`/kyc/${earlier.id}`} className="text-brand tabular-nums">
                        #{earlier.id}
                      </Link>
                      <KycStatusBadge status={earlier.status} />
                      <span className="ml-auto text-ink-faint tabular-nums">
                        {formatUtc(earlier.createdAt)}
                      </span>
                    </div>
                    {earlier.rejectReason ? (
                      <p className="text-xs text-ink-muted">“{earlier.rejectReason}”</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </DetailCard>
        </div>
        {pending && canDecide ? (
          <DecisionPanel submissionId={submission.id} />
        ) : (
          <DetailCard title="Decision">
            {pending ? (
              <p className="text-xs text-ink-muted">
                Waiting for compliance. Only staff with the Compliance role decide on identity.
              </p>
            ) : (
              <div className="flex flex-col gap-2 text-[13px]" data-testid="kyc-decision">
                <KycStatusBadge status={submission.status} />
                <p className="text-ink-muted">
                  by <span className="text-ink">{submission.reviewedBy?.name ?? "—"}</span>
                  {submission.reviewedAt ? ` at ${formatUtc(submission.reviewedAt)}` : ""}
                </p>
                {submission.rejectReason ? (
                  <p className="rounded-md bg-down/5 px-3 py-2 text-ink ring-1 ring-down/20 ring-inset">
                    {submission.rejectReason}
                  </p>
                ) : null}
              </div>
            )}
          </DetailCard>
        )}
      </div>
    </PageBody>
  );
}
