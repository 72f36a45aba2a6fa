import type { OutgoingMail } from "../mail/mailer";
import type { Services } from "../services";
import type { WithdrawalDto } from "./withdrawal-views";

/**
 * The mail a user gets when a withdrawal reaches its end state: confirmed (with the transaction
 * hash), rejected (with finance's reason), cancelled, or failed ("funds returned").
 */
export function withdrawalEndMail(
  to: string,
  withdrawal: WithdrawalDto,
  webPublicUrl: string,
): OutgoingMail | undefined {
  const page = new URL("/wallet", webPublicUrl).toString();
  const what = `${withdrawal.amount} ${withdrawal.asset} to ${withdrawal.address}`;
  const lines = endLines(withdrawal, what);
  if (!lines) return undefined;
  const [subject, ...body] = lines;
  const text = `${body.join("\n\n")}\n\nSee your wallet: ${page}\n`;
  const html = `${body.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}<p><a href="${page}">See your wallet</a>.</p>`;
  return { to, subject: subject ?? "", text, html };
}

function endLines(w: WithdrawalDto, what: string): string[] | undefined {
  const total = `${w.amount} ${w.asset} plus the ${w.fee} ${w.asset} fee`;
  switch (w.status) {
    case "CONFIRMED":
      return [
        "Your withdrawal arrived",
        `Your withdrawal of ${what} is confirmed on ${w.network}.`,
        `Transaction: ${w.txHash ?? "-"}`,
      ];
    case "REJECTED":
      return [
        "Your withdrawal was rejected",
        `Your withdrawal of ${what} was rejected.`,
        `Reason: ${w.rejectReason ?? "-"}`,
        `The funds (${total}) are back in your available balance.`,
      ];
    case "CANCELLED":
      return [
        "Your withdrawal was cancelled",
        `You cancelled your withdrawal of ${what}.`,
        `The funds (${total}) are back in your available balance.`,
      ];
    case "FAILED":
      return [
        "Your withdrawal failed: funds returned",
        `Your withdrawal of ${what} failed on chain (${w.failureReason ?? "failed"}).`,
        `The funds (${total}) are back in your available balance.`,
      ];
    default:
      return undefined;
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Sends the end-state mail; a failure is logged, never thrown (the page shows the state too). */
export async function mailWithdrawalEnd(
  services: Services,
  to: string,
  withdrawal: WithdrawalDto,
): Promise<void> {
  if (!services.mailer || !services.webPublicUrl) {
    services.log.warn("wallet: no mailer configured; the withdrawal mail was not sent");
    return;
  }
  const mail = withdrawalEndMail(to, withdrawal, services.webPublicUrl);
  if (!mail) return;
  try {
    await services.mailer.send(mail);
  } catch (error) {
    services.log.error("wallet: the withdrawal mail could not be sent", {
      error,
      withdrawalId: withdrawal.id,
    });
  }
}
