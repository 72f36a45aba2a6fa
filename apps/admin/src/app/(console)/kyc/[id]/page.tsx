import { canDecideKyc, canReadKycDocuments } from "@exchange/api/client";
import { DateTime } from "@exchange/ui/i18n";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { CountryName } from "@/components/kyc/country-name";
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
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kyc");
  return { title: t("submissionTitle") };
}

type Submission = Awaited<ReturnType<Awaited<ReturnType<typeof adminApi>>["kyc"]["submission"]>>;

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
  return (
    <SubmissionView
      submission={submission}
      canView={canReadKycDocuments(staff.roles)}
      canDecide={canDecideKyc(staff.roles)}
      now={new Date()}
    />
  );
}

function SubmissionView({
  submission,
  canView,
  canDecide,
  now,
}: {
  submission: Submission;
  canView: boolean;
  canDecide: boolean;
  now: Date;
}) {
  const t = useTranslations("kyc");
  const pending = submission.status === "PENDING";
  return (
    <PageBody>
      <DetailHeader
        backHref="/kyc"
        backLabel={t("detail.back")}
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink">
            {t.rich("detail.heading", {
              id: String(submission.id),
              num: (chunks) => <span className="tabular-nums">{chunks}</span>,
            })}
          </h1>
        }
        badge={<KycStatusBadge status={submission.status} />}
        waitingSince={pending ? submission.createdAt : null}
        now={now}
      />

      <section aria-label={t("detail.documents")} className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {submission.documents.map((document) => (
          <DocumentCard key={document.id} document={document} canView={canView} />
        ))}
      </section>

      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid grid-cols-1 items-start gap-4 2xl:grid-cols-2">
          <ApplicantCard submission={submission} now={now} />
          <AccountCard submission={submission} />
        </div>
        {pending && canDecide ? (
          <DecisionPanel submissionId={submission.id} />
        ) : (
          <DecisionCard submission={submission} />
        )}
      </div>
    </PageBody>
  );
}

function ApplicantCard({ submission, now }: { submission: Submission; now: Date }) {
  const t = useTranslations("kyc");
  const complianceOnly = t("complianceOnly");
  const born = submission.dateOfBirth;
  return (
    <DetailCard title={t("detail.applicant")}>
      <Facts
        rows={[
          [
            t("detail.legalName"),
            <span key="n" className="font-medium text-ink">
              {submission.legalName ?? complianceOnly}
            </span>,
          ],
          [
            t("detail.dateOfBirth"),
            born
              ? t("detail.dateOfBirthAge", {
                  date: born.toISOString().slice(0, 10),
                  age: ageOf(born, now),
                })
              : complianceOnly,
          ],
          [t("detail.country"), <CountryName key="c" code={submission.country} withCode />],
          [t("detail.document"), t(`documentTypes.${submission.documentType}`)],
          [
            t("detail.documentNumber"),
            <span key="d" className="font-mono text-ink">
              {submission.documentNumber ?? complianceOnly}
            </span>,
          ],
          [t("detail.submitted"), <DateTime key="s" at={submission.createdAt} />],
          [t("detail.levelRequested"), t("detail.level", { level: submission.level })],
        ]}
      />
    </DetailCard>
  );
}

function AccountCard({ submission }: { submission: Submission }) {
  const t = useTranslations("kyc");
  const labels = useTranslations("common.detail");
  return (
    <DetailCard title={t("detail.account")} action={<ProfileLink userId={submission.user.id} />}>
      <Facts
        rows={[
          ...userIdentityFacts(submission.user, {
            email: labels("email"),
            userId: labels("userId"),
            kycLevel: labels("kycLevel"),
          }),
          [
            t("detail.accountStatus"),
            submission.user.status === "ACTIVE" ? t("detail.active") : t("detail.suspended"),
          ],
          [t("detail.registered"), <DateTime key="r" at={submission.user.createdAt} />],
        ]}
      />
      <SubHeading>{t("detail.earlier")}</SubHeading>
      {submission.history.length === 0 ? (
        <p className="text-xs text-ink-muted">{t("detail.noEarlier")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="kyc-history">
          {submission.history.map((earlier) => (
            <li
              key={earlier.id}
              className="flex flex-col gap-1 rounded-md bg-raised/50 px-3 py-2 ring-1 ring-line ring-inset"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <Link
                  href={`/kyc/${earlier.id}`}
                  className="inline-flex min-h-10 items-center text-brand tabular-nums sm:min-h-0"
                >
                  #{earlier.id}
                </Link>
                <KycStatusBadge status={earlier.status} />
                <span className="ml-auto text-ink-faint tabular-nums">
                  <DateTime at={earlier.createdAt} />
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
  );
}

function DecisionCard({ submission }: { submission: Submission }) {
  const t = useTranslations("kyc");
  const pending = submission.status === "PENDING";
  return (
    <DetailCard title={t("detail.decision")}>
      {pending ? (
        <p className="text-xs text-ink-muted">{t("detail.waitingForCompliance")}</p>
      ) : (
        <div className="flex flex-col gap-2 text-[13px]" data-testid="kyc-decision">
          <KycStatusBadge status={submission.status} />
          <p className="text-ink-muted">
            {t.rich("detail.decidedBy", {
              name: submission.reviewedBy?.name ?? "—",
              who: (chunks) => <span className="text-ink">{chunks}</span>,
            })}
            {submission.reviewedAt ? (
              <>
                {" "}
                {t("detail.decidedAt")} <DateTime at={submission.reviewedAt} />
              </>
            ) : null}
          </p>
          {submission.rejectReason ? (
            <p className="rounded-md bg-down/5 px-3 py-2 text-ink ring-1 ring-down/20 ring-inset">
              {submission.rejectReason}
            </p>
          ) : null}
        </div>
      )}
    </DetailCard>
  );
}
