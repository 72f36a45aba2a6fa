import { afterAll, describe, expect, it } from "vitest";
import { latestMailTo } from "../testing/mail";
import { createSmtpMailer } from "./mailer";

/**
 * What the mailer writes arrives readable at a real mail server (the run's MailDev): non-ASCII
 * headers and bodies, and links longer than a mail line, which encoders fold.
 */
describe("SMTP mailer", () => {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) throw new Error("SMTP_URL is not set: run under vitest's integration project");
  const mailer = createSmtpMailer({ smtpUrl, from: "Exchange <no-reply@exchange.test>" });
  afterAll(() => mailer.close());

  const longLink = `https://exchange.test/verify-email?token=${"x".repeat(90)}`;

  it("delivers subject, text and HTML intact", async () => {
    const to = `zoe-${Date.now()}@example.test`;
    await mailer.send({
      to: `Zoë <${to.replace("zoe", "Zoe")}>`,
      subject: "Vérifiez votre adresse — Exchange",
      text: `Hello Zoë,\n\nOpen ${longLink} within 24 hours.\n`,
      html: `<p>Hello Zoë, <a href="${longLink}">verify</a></p>`,
    });
    const mail = await latestMailTo(to);
    expect(mail.from).toBe("Exchange <no-reply@exchange.test>");
    expect(mail.recipients).toEqual([to]);
    expect(mail.subject).toBe("Vérifiez votre adresse — Exchange");
    expect(mail.text).toContain(`Open ${longLink} within 24 hours.`);
    expect(mail.text).toContain("Hello Zoë,");
    expect(mail.html).toContain(`<a href="${longLink}">verify</a>`);
    expect(mail.receivedAt).toBeTruthy();
  });
});
