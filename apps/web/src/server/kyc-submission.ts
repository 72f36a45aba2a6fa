import {
  AppError,
  AppErrorCode,
  type KycSubmissionInput,
  type Services,
  submitKyc,
} from "@exchange/api";
import { KYC_FILE_FIELDS, KYC_FILE_KINDS, KYC_MAX_FILE_BYTES } from "@exchange/api/client";

/** Three files at the limit plus the text fields and multipart framing. */
const MAX_REQUEST_BYTES = KYC_FILE_KINDS.length * KYC_MAX_FILE_BYTES + 64 * 1024;

const TEXT_FIELDS = ["legalName", "dateOfBirth", "country", "documentType", "documentNumber"];

const STATUS_OF: Partial<Record<AppErrorCode, number>> = {
  [AppErrorCode.INVALID_INPUT]: 400,
  [AppErrorCode.UNAUTHENTICATED]: 401,
  [AppErrorCode.FORBIDDEN]: 403,
  [AppErrorCode.KYC_PENDING]: 409,
  [AppErrorCode.KYC_ALREADY_VERIFIED]: 409,
};

/**
 * A KYC submission as multipart form data: the typed fields and the document files. Files do
 * not travel over tRPC; everything else about KYC does. The API's `submitKyc` checks the real
 * content of every file and stores nothing unless the whole submission is acceptable. Apart from
 * the route (apps/web …/api/kyc/submissions) so that tests call it with a real request.
 */
export async function receiveKycSubmission(
  request: Request,
  caller: {
    trader: { id: number } | null;
    services: () => Promise<Services>;
    /** Where the request came from (the app's `requestClient`), for the audit entry. */
    client?: { ip: string | undefined; userAgent: string | undefined };
  },
): Promise<Response> {
  const { trader } = caller;
  if (!trader) return refusal(401, AppErrorCode.UNAUTHENTICATED, "Please log in.");
  if (!sameOrigin(request)) return refusal(403, AppErrorCode.FORBIDDEN, "Cross-site request.");
  // The size is known before anything is read: a body without a length (chunked) could be
  // endless, so it is refused rather than buffered.
  const length = Number(request.headers.get("content-length") ?? "");
  if (!Number.isSafeInteger(length) || length <= 0) {
    return refusal(411, AppErrorCode.INVALID_INPUT, "Send the form with a Content-Length.");
  }
  if (length > MAX_REQUEST_BYTES) {
    return refusal(413, AppErrorCode.INVALID_INPUT, "The files are too large: at most 5 MB each.");
  }
  const input = await readSubmission(request);
  if (!input) {
    return refusal(400, AppErrorCode.INVALID_INPUT, "Send the form as multipart/form-data.");
  }
  const services = await caller.services();
  try {
    const submission = await submitKyc(services, trader.id, { ...input, client: caller.client });
    return Response.json({ submission }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const status = error instanceof AppError ? STATUS_OF[error.code] : undefined;
    if (error instanceof AppError && status) {
      return refusal(status, error.code, error.message, error.fieldErrors);
    }
    // As the tRPC error formatter does: the cause stays in the log, under a reference.
    const reference = crypto.randomUUID();
    services.log.error("kyc submission failed", { reference, error });
    return refusal(
      500,
      AppErrorCode.INTERNAL,
      `Something went wrong. Please try again (reference ${reference}).`,
    );
  }
}

/** The form's text fields and files; null when the body is not a readable multipart form. */
async function readSubmission(request: Request): Promise<KycSubmissionInput | null> {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const fields: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) {
    const value = form.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  const files: KycSubmissionInput["files"] = {};
  for (const kind of KYC_FILE_KINDS) {
    const file = form.get(KYC_FILE_FIELDS[kind]);
    if (file instanceof File && file.size > 0)
      files[kind] = new Uint8Array(await file.arrayBuffer());
  }
  return { fields, files };
}

/**
 * Browsers send Origin on every POST; one from another site is refused, in addition to the
 * session cookie being SameSite=Lax.
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refusal(
  status: number,
  appCode: AppErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
) {
  return Response.json(
    { error: { appCode, message, ...(fieldErrors ? { fieldErrors } : {}) } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
