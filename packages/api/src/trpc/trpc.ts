import { randomUUID } from "node:crypto";
import { AppError, AppErrorCode, type FieldErrors } from "@exchange/domains/errors";
import type { StaffRole } from "@exchange/domains/identity/identity-enums";
import {
  hasAnyRole,
  STAFF_SECTIONS,
  type StaffSection,
} from "@exchange/domains/identity/staff-sections";
import { proveStepUp, requireRecentStepUp } from "@exchange/domains/identity/step-up";
import { createLogger } from "@exchange/protocol";
import { processMetrics, secondsSince } from "@exchange/protocol/metrics";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "./context";
import { trpcCodeOf } from "./error-codes";
import { ZStepUpProof } from "./trader/security/step-up.types";
import { transformer } from "./transformer";

/** Unexpected errors of any procedure; errors are logged whatever LOG_LEVEL says. */
const log = createLogger("api");

const t = initTRPC.context<Context>().create({
  transformer,
  // Stack traces never leave the server, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, path }) {
    const appError = error.cause instanceof AppError ? error.cause : undefined;
    const fieldErrors: FieldErrors | undefined =
      appError?.fieldErrors ??
      (error.cause instanceof z.ZodError ? zodFieldErrors(error.cause) : undefined);
    const appCode =
      appError?.code ?? (fieldErrors ? AppErrorCode.INVALID_INPUT : internalOr(error.code));
    const rejectCode = appError?.rejectCode;
    const retryAfterS = appError?.retryAfterS;
    const data = { ...shape.data, appCode, fieldErrors, rejectCode, retryAfterS, stack: undefined };
    if (appCode !== AppErrorCode.INTERNAL) return { ...shape, data };
    // The cause's text (SQL, hosts, file paths) stays in the server's log under a reference the
    // caller can quote; the answer says nothing else, whoever asks.
    const correlationId = logInternalError(error, path);
    return {
      ...shape,
      message: `Something went wrong. Please try again (reference ${correlationId}).`,
      data: { ...data, correlationId },
    };
  },
});

/**
 * Logs an unexpected error with its cause and the procedure it came from, under a fresh id that
 * the caller sees instead of the cause. Returns the id.
 */
function logInternalError(error: TRPCError, path: string | undefined): string {
  const correlationId = randomUUID();
  log.error("procedure failed", { path: path ?? "?", correlationId, error: error.cause ?? error });
  return correlationId;
}

/**
 * Requests tRPC itself refuses before any procedure runs (unreadable JSON, wrong method or
 * content type): the caller's mistake, told in tRPC's own words, which hold nothing internal.
 */
const REQUEST_ERRORS = new Set<TRPCError["code"]>([
  "BAD_REQUEST",
  "PARSE_ERROR",
  "METHOD_NOT_SUPPORTED",
  "UNSUPPORTED_MEDIA_TYPE",
  "PAYLOAD_TOO_LARGE",
]);

function internalOr(code: TRPCError["code"]): AppErrorCode {
  if (code === "UNAUTHORIZED") return AppErrorCode.UNAUTHENTICATED;
  if (code === "FORBIDDEN") return AppErrorCode.FORBIDDEN;
  if (code === "NOT_FOUND") return AppErrorCode.NOT_FOUND;
  if (REQUEST_ERRORS.has(code)) return AppErrorCode.INVALID_INPUT;
  return AppErrorCode.INTERNAL;
}

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

/** Turns a service's AppError into the transport's error, keeping the AppError as cause. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf(cause.code), message: cause.message, cause });
  }
  return result;
});

/**
 * Counts each call by procedure and answer (`OK` or the tRPC error code) and times it, on the
 * process's registry (web or admin). Only procedures that exist reach a middleware, so the
 * label's values are this router's paths, never a caller's text.
 */
const measureProcedure = t.middleware(async ({ path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const { calls, seconds } = procedureSeries();
  calls.inc({ procedure: path, type, code: result.ok ? "OK" : result.error.code });
  seconds.observe({ procedure: path }, secondsSince(started));
  return result;
});

function procedureSeries() {
  const metrics = processMetrics();
  return {
    calls: metrics.counter({
      name: "trpc_requests_total",
      help: "tRPC calls answered, by procedure, type and code (OK, or the error's tRPC code)",
      labelNames: ["procedure", "type", "code"],
    }),
    seconds: metrics.histogram({
      name: "trpc_request_seconds",
      help: "Time a tRPC procedure took, from its first middleware to its answer",
      labelNames: ["procedure"],
    }),
  };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(measureProcedure).use(mapAppErrors);

/** A logged-in trader. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "user") {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * A logged-in trader who proved their factors again within the last few minutes
 * (identity/step-up.ts): for sensitive actions. The request may carry the proof itself as
 * `stepUp` (password, and code where two-factor is on); otherwise an earlier
 * `security.confirmStepUp` of this session must be recent.
 */
export const stepUpProcedure = protectedProcedure
  .input(z.object({ stepUp: ZStepUpProof.optional() }))
  .use(async ({ ctx, input, next }) => {
    const session = {
      principal: { type: "USER", id: ctx.actor.userId } as const,
      sessionId: ctx.actor.sessionId,
    };
    if (input.stepUp) await proveStepUp(ctx.services, session, { ...input.stepUp, ip: ctx.ip });
    await requireRecentStepUp(ctx.services, session);
    return next();
  });

/** Any logged-in staff member, whatever their roles. */
export const anyStaffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "staff") {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in as staff.");
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A staff member holding one of `roles` (ADMIN holds them all). */
export function staffProcedure(...roles: StaffRole[]) {
  return anyStaffProcedure.use(({ ctx, next }) => {
    if (!hasAnyRole(ctx.actor.roles, roles)) {
      throw new AppError(AppErrorCode.FORBIDDEN, "Your role does not allow this.");
    }
    return next();
  });
}

/** A staff member allowed to open one admin section. */
export function sectionProcedure(section: StaffSection) {
  return staffProcedure(...STAFF_SECTIONS[section].roles);
}
