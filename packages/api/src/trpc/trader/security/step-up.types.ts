import { z } from "zod";
import { ZSecondFactorCode } from "./two-factor.types";

/** The factors a step-up asks for again: the password, and a code where two-factor is on. */
export const ZStepUpProof = z.object({
  password: z.string().min(1, "Enter your password.").max(128, "Enter your password."),
  code: ZSecondFactorCode.optional(),
});

/** The same with the code required (turning two-factor off: it is on, so it needs one). */
export const ZStepUpProofWithCode = ZStepUpProof.extend({ code: ZSecondFactorCode });

export const ZConfirmStepUpOutput = z.object({
  /** Until when sensitive actions of this session need no new confirmation. */
  validUntil: z.date(),
});
