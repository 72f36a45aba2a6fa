import { type Actor, AppError, AppErrorCode, openKycDocument } from "@exchange/api";
import { clientIp } from "@exchange/ui/server";
import { currentStaff } from "@/auth";
import { getServices } from "@/server/services";

/** Never prerendered or cached: every request is checked against the staff member's roles now. */
export const dynamic = "force-dynamic";

const STATUS_OF: Partial<Record<AppErrorCode, number>> = {
  [AppErrorCode.UNAUTHENTICATED]: 401,
  [AppErrorCode.FORBIDDEN]: 403,
  [AppErrorCode.NOT_FOUND]: 404,
};

/**
 * An identity document's bytes, for compliance staff only (openKycDocument decides and audits
 * the read). Served as the type sniffed at upload, never re-guessed by the browser, never
 * stored by a cache, and sandboxed so even a crafted file cannot run script on this origin.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) return refusal(404, AppErrorCode.NOT_FOUND, "No such document.");
  const [staff, services] = await Promise.all([currentStaff(), getServices()]);
  const actor: Actor = staff
    ? { kind: "staff", staffId: staff.id, roles: staff.roles }
    : { kind: "anonymous" };
  try {
    const document = await openKycDocument(services, actor, Number(id), clientIp(request.headers));
    return new Response(document.stream, {
      headers: {
        "Content-Type": document.contentType,
        "Content-Length": String(document.sizeBytes),
        "Content-Disposition": "inline",
        "Cache-Control": "private, no-store, max-age=0",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy":
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    const status = error instanceof AppError ? STATUS_OF[error.code] : undefined;
    if (error instanceof AppError && status) return refusal(status, error.code, error.message);
    throw error;
  }
}

function refusal(status: number, appCode: AppErrorCode, message: string) {
  return Response.json(
    { error: { appCode, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
