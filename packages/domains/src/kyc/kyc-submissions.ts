import { createHash } from "node:crypto";
import { clockDate } from "@exchange/protocol";
import { type RequestClient, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode, type FieldErrors } from "../errors";
import { inTransaction, isUniqueViolation, type Services } from "../services";
import { sniffContentType } from "./content-sniff";
import type { DocumentStorage } from "./document-storage";
import {
  findKycLevels,
  findKycSubmitter,
  findLatestKycSubmission,
  insertKycSubmission,
  type KycDocumentRow,
} from "./kyc-repository";
import {
  acceptedContentTypes,
  KYC_FILE_FIELDS,
  KYC_FILE_KINDS,
  KYC_MAX_FILE_BYTES,
  type KycFields,
  type KycFileKind,
  kycFieldsSchema,
  requiredFileKinds,
} from "./submission-rules";

/** What the upload route hands over: the typed fields as sent, and each file's bytes. */
export interface KycSubmissionInput {
  fields: Record<string, unknown>;
  files: Partial<Record<KycFileKind, Uint8Array>>;
  /** Where the upload came from, for the audit entry. */
  client?: RequestClient;
}

interface CheckedFile {
  kind: KycFileKind;
  bytes: Uint8Array;
  contentType: string;
}

/**
 * A user's identity submission: every field and file checked first (nothing stored when any is
 * wrong), then the files stored, then the rows written in one transaction. If the rows cannot
 * be written (a second submission raced this one) the stored files are removed again, so a
 * refusal never leaves an orphan document on disk.
 */
export async function submitKyc(
  services: Services,
  userId: number,
  input: KycSubmissionInput,
  now = clockDate(services.clock),
) {
  const { fields, files } = checkSubmission(input, now);
  await assertMaySubmit(services, userId);
  const stored = await storeFiles(services.documents, files);
  try {
    return await inTransaction(services.db, async (tx) => {
      const submission = await insertKycSubmission(tx, {
        userId,
        fields,
        documents: stored.map(({ file, key }) => documentRow(file, key)),
      });
      await recordAudit(tx, {
        actor: { kind: "user", userId },
        action: "kyc.submit",
        target: { type: "kyc_submission", id: String(submission.id) },
        after: { status: "PENDING", country: fields.country, documentType: fields.documentType },
        ip: input.client?.ip,
        userAgent: input.client?.userAgent,
      });
      return submission;
    });
  } catch (error) {
    await Promise.all(stored.map(({ key }) => services.documents.delete(key)));
    if (isUniqueViolation(error)) throw pendingError();
    throw error;
  }
}

/** The fields parsed and every file sniffed and sized; all problems reported at once. */
export function checkSubmission(input: KycSubmissionInput, now: Date) {
  const errors: FieldErrors = {};
  const parsed = kycFieldsSchema(now).safeParse(input.fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
  }
  const documentType = parsed.success
    ? parsed.data.documentType
    : (input.fields.documentType as KycFields["documentType"] | undefined);
  const required = requiredFileKinds(documentType ?? "NATIONAL_ID");
  const files: CheckedFile[] = [];
  for (const kind of KYC_FILE_KINDS) {
    const bytes = input.files[kind];
    const problem = fileProblem(kind, bytes, required.includes(kind));
    if (problem) errors[KYC_FILE_FIELDS[kind]] = [problem];
    else if (bytes && bytes.length > 0) {
      files.push({ kind, bytes, contentType: sniffContentType(bytes) as string });
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    throw new AppError(AppErrorCode.INVALID_INPUT, "Check the highlighted fields.", errors);
  }
  return { fields: parsed.data, files };
}

function fileProblem(
  kind: KycFileKind,
  bytes: Uint8Array | undefined,
  required: boolean,
): string | undefined {
  if (!bytes || bytes.length === 0) {
    return required ? `Add ${FILE_NAMES[kind]}.` : undefined;
  }
  if (bytes.length > KYC_MAX_FILE_BYTES) {
    return `The file is larger than ${KYC_MAX_FILE_BYTES / (1024 * 1024)} MB.`;
  }
  const type = sniffContentType(bytes);
  if (!type || !acceptedContentTypes(kind).includes(type)) {
    return kind === "SELFIE"
      ? "Upload a JPEG, PNG or WebP photo."
      : "Upload a JPEG, PNG or WebP photo, or a PDF scan.";
  }
  return undefined;
}

const FILE_NAMES: Record<KycFileKind, string> = {
  FRONT: "a photo of the document's front",
  BACK: "a photo of the document's back",
  SELFIE: "a selfie holding the document",
};

/** Only a level-0 account without an open review may submit. */
async function assertMaySubmit(services: Services, userId: number) {
  const user = await findKycSubmitter(services.db, userId);
  if (!user) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  if (user.emailVerifiedAt === null) {
    throw new AppError(
      AppErrorCode.FORBIDDEN,
      "Verify your email address before submitting your identity.",
    );
  }
  if (user.kycLevel >= 1) {
    throw new AppError(AppErrorCode.KYC_ALREADY_VERIFIED, "Your identity is already verified.");
  }
  if (user.pendingCount > 0) throw pendingError();
}

function pendingError() {
  return new AppError(
    AppErrorCode.KYC_PENDING,
    "Your previous submission is still being reviewed. You can submit again if it is rejected.",
  );
}

async function storeFiles(storage: DocumentStorage, files: readonly CheckedFile[]) {
  const stored: Array<{ file: CheckedFile; key: string }> = [];
  try {
    for (const file of files) stored.push({ file, key: await storage.put(file.bytes) });
    return stored;
  } catch (error) {
    await Promise.all(stored.map(({ key }) => storage.delete(key)));
    throw error;
  }
}

function documentRow(file: CheckedFile, storageKey: string): KycDocumentRow {
  return {
    kind: file.kind,
    storageKey,
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  };
}

/** The user's own view: level, what it allows, and the latest submission's state. */
export async function findMyKycStatus(services: Services, userId: number) {
  const [user, latest] = await Promise.all([
    findKycSubmitter(services.db, userId),
    findLatestKycSubmission(services.db, userId),
  ]);
  if (!user) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  const levels = await findKycLevels(services.db);
  const current = levels.find((l) => l.level === user.kycLevel);
  return {
    level: user.kycLevel,
    levelName: current?.name ?? `Level ${user.kycLevel}`,
    canTrade: current?.canTrade ?? false,
    emailVerified: user.emailVerifiedAt !== null,
    /** What each level allows, so the page can show what verifying changes. */
    levels,
    latest,
  };
}
