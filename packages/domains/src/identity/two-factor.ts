import { openSecret, sealSecret } from "@exchange/db/secret-box";
import QRCode from "qrcode";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Store, type Tx } from "../services";
import { twoFactorKeyOf } from "./identity-config";
import { hashToken, newRecoveryCodes, normalizeRecoveryCode } from "./one-time-token";
import { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri } from "./totp";
import * as repository from "./two-factor-repository";
import {
  countUnusedRecoveryCodes,
  type Principal,
  replaceRecoveryCodes,
  type TotpState,
  useRecoveryCode,
  writeTotpState,
} from "./two-factor-repository";

/** Whose second factor: a trader or a staff member (the two tables share the columns). */
export type { Principal };

const ISSUER = { USER: "Exchange", STAFF: "Exchange Admin" } as const;

/** The account's two-factor state; a missing account means a session outlived it. */
async function readTotpState(db: Store, principal: Principal): Promise<TotpState> {
  const state = await repository.readTotpState(db, principal);
  if (!state) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return state;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(
  services: Services,
  principal: Principal,
): Promise<TwoFactorStatus> {
  const state = await readTotpState(services.db, principal);
  const recoveryCodesLeft = await countUnusedRecoveryCodes(services.db, principal);
  return {
    enabled: state.totpEnabledAt !== null,
    enabledAt: state.totpEnabledAt,
    recoveryCodesLeft: state.totpEnabledAt ? recoveryCodesLeft : 0,
  };
}

export interface TwoFactorEnrolment {
  /** The secret as people type it into an authenticator app (base32). */
  secret: string;
  otpauthUri: string;
  /** The same URI as a QR code, a `data:image/png` URL. */
  qrCodeDataUrl: string;
}

/**
 * Starts enrolment: a fresh secret, stored encrypted but not yet in force. Until a code from
 * it is confirmed, log-in does not ask for one, so an abandoned enrolment locks nobody out.
 * Asking again before confirming returns the same pending secret, so a page reloaded after a
 * mistyped code still matches what the app scanned.
 */
export async function beginTwoFactorEnrolment(
  services: Services,
  principal: Principal,
): Promise<TwoFactorEnrolment> {
  const key = twoFactorKeyOf(services);
  const state = await readTotpState(services.db, principal);
  if (state.totpEnabledAt) {
    throw new AppError(AppErrorCode.TWO_FACTOR_STATE, "Two-factor authentication is already on.");
  }
  let secret: Buffer;
  if (state.totpSecret) {
    secret = base32Decode(openSecret(key, state.totpSecret));
  } else {
    secret = newTotpSecret();
    await writeTotpState(services.db, principal, {
      totpSecret: sealSecret(key, base32Encode(secret)),
      totpLastStep: null,
    });
  }
  const uri = otpauthUri({ issuer: ISSUER[principal.type], account: state.email, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(uri, {
    margin: 1,
    width: 220,
    errorCorrectionLevel: "M",
  });
  return { secret: base32Encode(secret), otpauthUri: uri, qrCodeDataUrl };
}

const WRONG_CODE = "That code is not right. Check your authenticator app and try again.";

function wrongCode(field = "code"): AppError {
  return new AppError(AppErrorCode.INVALID_TWO_FACTOR_CODE, WRONG_CODE, { [field]: [WRONG_CODE] });
}

/**
 * Puts two-factor in force once the person proves their app has the secret, and returns ten
 * recovery codes, shown this once (only hashes are kept; a new set replaces any old one).
 */
export async function confirmTwoFactorEnrolment(
  services: Services,
  principal: Principal,
  input: {
    code: string;
    ip: string | undefined;
    now?: number;
    /** Runs in the enrolment's transaction once the code is right; throwing undoes it all. */
    claim?: (tx: Tx) => Promise<void>;
  },
): Promise<{ recoveryCodes: string[] }> {
  const key = twoFactorKeyOf(services);
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(services.db, async (tx) => {
    const state = await lockTotpState(tx, principal);
    if (state.totpEnabledAt) {
      throw new AppError(AppErrorCode.TWO_FACTOR_STATE, "Two-factor authentication is already on.");
    }
    if (!state.totpSecret) {
      throw new AppError(
        AppErrorCode.TWO_FACTOR_STATE,
        "Start the set-up again: no secret was issued.",
      );
    }
    const secret = base32Decode(openSecret(key, state.totpSecret));
    const nowMs = input.now ?? services.clock.now();
    const step = matchTotp(secret, input.code.trim(), nowMs, null);
    if (step === null) throw wrongCode();
    await input.claim?.(tx);
    await writeTotpState(tx, principal, {
      totpEnabledAt: new Date(nowMs),
      totpLastStep: BigInt(step),
    });
    const codeHashes = recoveryCodes.map((code) => hashToken(normalizeRecoveryCode(code)));
    await replaceRecoveryCodes(tx, principal, codeHashes);
    await recordAudit(tx, securityEvent(principal, "two_factor_enabled", input.ip));
  });
  return { recoveryCodes };
}

/**
 * Turns two-factor off. The caller has just checked the password and a code (a step-up,
 * identity/step-up.ts). Staff may not: it is required.
 */
export async function disableTwoFactor(
  services: Services,
  principal: Principal,
  input: { ip: string | undefined },
): Promise<void> {
  if (principal.type === "STAFF") {
    throw new AppError(AppErrorCode.TWO_FACTOR_STATE, "Staff accounts must keep two-factor on.");
  }
  await inTransaction(services.db, async (tx) => {
    const state = await lockTotpState(tx, principal);
    if (!state.totpEnabledAt) {
      throw new AppError(AppErrorCode.TWO_FACTOR_STATE, "Two-factor authentication is not on.");
    }
    await writeTotpState(tx, principal, {
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(tx, principal, []);
    await recordAudit(tx, securityEvent(principal, "two_factor_disabled", input.ip));
  });
}

/**
 * A new set of ten recovery codes in place of the old (all of which stop working), shown this
 * once. The caller has just checked the password and a code (a step-up); two-factor must be on.
 */
export async function regenerateRecoveryCodes(
  services: Services,
  principal: Principal,
  client: { ip: string | undefined; userAgent?: string | undefined },
): Promise<{ recoveryCodes: string[] }> {
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(services.db, async (tx) => {
    const state = await lockTotpState(tx, principal);
    if (!state.totpEnabledAt) {
      throw new AppError(AppErrorCode.TWO_FACTOR_STATE, "Two-factor authentication is not on.");
    }
    const codeHashes = recoveryCodes.map((code) => hashToken(normalizeRecoveryCode(code)));
    await replaceRecoveryCodes(tx, principal, codeHashes);
    await recordAudit(tx, {
      ...securityEvent(principal, "recovery_codes_regenerated", client.ip),
      userAgent: client.userAgent,
    });
  });
  return { recoveryCodes };
}

/**
 * Checks the second factor at log-in: a TOTP code (never the same time step twice) or an
 * unused recovery code (then used up). Throws INVALID_TWO_FACTOR_CODE and changes nothing
 * otherwise. Returns which kind it was.
 */
export async function verifySecondFactor(
  services: Services,
  principal: Principal,
  input: { code: string; ip: string | undefined; now?: number },
): Promise<"totp" | "recovery-code"> {
  return inTransaction(services.db, async (tx) => {
    const state = await lockTotpState(tx, principal);
    if (!state.totpEnabledAt) {
      throw new AppError(AppErrorCode.TWO_FACTOR_STATE, "Two-factor authentication is not on.");
    }
    const now = input.now ?? services.clock.now();
    const kind = await useSecondFactor(tx, twoFactorKeyOf(services), principal, state, {
      code: input.code,
      now,
    });
    if (kind === "recovery-code") {
      await recordAudit(tx, securityEvent(principal, "recovery_code_used", input.ip));
    }
    return kind;
  });
}

/**
 * Row lock on the account for the rest of the transaction, so two requests carrying the same
 * code cannot both read the old `totp_last_step` and both succeed.
 */
async function lockTotpState(tx: Tx, principal: Principal): Promise<TotpState> {
  const state = await repository.lockTotpState(tx, principal);
  if (!state) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return state;
}

async function useSecondFactor(
  tx: Tx,
  key: Buffer,
  principal: Principal,
  state: TotpState,
  input: { code: string; now: number },
): Promise<"totp" | "recovery-code"> {
  const code = input.code.trim();
  if (/^\d{6}$/.test(code) && state.totpSecret) {
    const secret = base32Decode(openSecret(key, state.totpSecret));
    const lastStep = state.totpLastStep === null ? null : Number(state.totpLastStep);
    const step = matchTotp(secret, code, input.now, lastStep);
    if (step === null) throw wrongCode();
    await writeTotpState(tx, principal, { totpLastStep: BigInt(step) });
    return "totp";
  }
  const codeHash = hashToken(normalizeRecoveryCode(code));
  const used = await useRecoveryCode(tx, principal, codeHash, new Date(input.now));
  if (!used) throw wrongCode();
  return "recovery-code";
}

function securityEvent(principal: Principal, event: string, ip: string | undefined) {
  const kind = principal.type === "USER" ? "user" : "staff";
  return {
    actor:
      principal.type === "USER"
        ? ({ kind: "user", userId: principal.id } as const)
        : ({ kind: "staff", staffId: principal.id } as const),
    action: `${kind}.${event}`,
    target: { type: kind, id: String(principal.id) },
    ip,
  };
}
