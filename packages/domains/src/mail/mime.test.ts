import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { decodeHeader, decodeQuotedPrintable, parseMail } from "./mime";

/** The exact bytes nodemailer would put on the wire, without a network. */
async function compose(
  options: Parameters<ReturnType<typeof nodemailer.createTransport>["sendMail"]>[0],
): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(options);
  return (info.message as Buffer).toString("utf8");
}

const longLink = `https://exchange.test/verify-email?token=${"x".repeat(90)}`;

describe("parseMail", () => {
  it.each(["quoted-printable", "base64"] as const)(
    "reads what nodemailer writes (%s bodies)",
    async (encoding) => {
      const raw = await compose({
        from: "Exchange <no-reply@exchange.test>",
        to: "Zoë <Zoe@Example.test>",
        subject: "Vérifiez votre adresse — Exchange",
        text: `Hello Zoë,\n\nOpen ${longLink} within 24 hours.\n`,
        html: `<p>Hello Zoë, <a href="${longLink}">verify</a></p>`,
        textEncoding: encoding,
      });
      const mail = parseMail(raw);
      expect(mail.from).toBe("Exchange <no-reply@exchange.test>");
      expect(mail.to).toEqual(["zoe@example.test"]);
      expect(mail.subject).toBe("Vérifiez votre adresse — Exchange");
      expect(mail.text).toContain(`Open ${longLink} within 24 hours.`);
      expect(mail.text).toContain("Hello Zoë,");
      expect(mail.html).toContain(`<a href="${longLink}">verify</a>`);
      expect(mail.date).toBeTruthy();
    },
  );

  it("reads a single-part plain message", () => {
    const mail = parseMail("From: a@x.test\r\nTo: b@y.test\r\nSubject: Hi\r\n\r\nJust text\r\n");
    expect(mail).toMatchObject({ subject: "Hi", to: ["b@y.test"], text: "Just text", html: "" });
  });
});

describe("MIME decoding", () => {
  it("decodes quoted-printable bytes and soft line breaks", () => {
    expect(decodeQuotedPrintable("caf=C3=A9 =\r\nau lait=3D").toString()).toBe("café au lait=");
  });

  it("decodes RFC 2047 words, joining adjacent ones", () => {
    expect(decodeHeader("=?UTF-8?Q?Caf=C3=A9_ouvert?= =?UTF-8?B?IOKAlA==?= today")).toBe(
      "Café ouvert — today",
    );
  });
});
