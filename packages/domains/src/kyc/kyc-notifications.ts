import type { OutgoingMail } from "../mail/mailer";
import type { Services } from "../services";

export interface KycDecisionMail {
  email: string;
  decision: "APPROVED" | "REJECTED";
  reason: string | null;
}

/** The mail that tells a user how their identity review ended, and where to go next. */
export function kycDecisionMail(decision: KycDecisionMail, webPublicUrl: string): OutgoingMail {
  const page = new URL("/account/verification", webPublicUrl).toString();
  if (decision.decision === "APPROVED") {
    const text = `Your identity is verified.\n\nYour account is now at level 1: you can trade and withdraw. See your limits at ${page}\n`;
    return {
      to: decision.email,
      subject: "Your identity is verified",
      text,
      html: `<p>Your identity is verified.</p><p>Your account is now at level 1: you can trade and withdraw. <a href="${page}">See your limits</a>.</p>`,
    };
  }
  const reason = decision.reason ?? "";
  return {
    to: decision.email,
    subject: "We could not verify your identity",
    text: `We could not verify your identity.\n\nReason: ${reason}\n\nYou can correct this and submit again at ${page}\n`,
    html: `<p>We could not verify your identity.</p><p><strong>Reason:</strong> ${escapeHtml(reason)}</p><p><a href="${page}">Submit again</a>.</p>`,
  };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * Mails the user after a decision is committed. A mail failure must not undo or fail the
 * decision (the user also sees it on their verification page), so it is logged, not thrown.
 * An app without a mailer (no SMTP configured) skips the mail, and says so.
 */
export async function notifyKycDecision(
  services: Services,
  decision: KycDecisionMail,
): Promise<void> {
  if (!services.mailer || !services.webPublicUrl) {
    services.log.warn("kyc: no mailer configured; the decision mail was not sent");
    return;
  }
  try {
    await services.mailer.send(kycDecisionMail(decision, services.webPublicUrl));
  } catch (error) {
    services.log.error("kyc: the decision mail could not be sent", { error });
  }
}
