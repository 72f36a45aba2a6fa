import { fuzz, fuzzTimeoutMs, hostileString, hugeString } from "@exchange/protocol/testing";
import fc from "fast-check";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { decodeHeader, decodeQuotedPrintable, parseMail } from "./mime";

/** Header values, charsets and boundaries as a hostile sender would write them. */
const headerValue = fc.oneof(
  hostileString({ maxLength: 80 }),
  fc.constantFrom(
    "multipart/mixed; boundary=b",
    'multipart/alternative; boundary="b"',
    "multipart/mixed; boundary=",
    "multipart/mixed",
    "text/plain; charset=utf-8",
    "text/plain; charset=no-such-charset",
    "text/html; charset=__proto__",
    "base64",
    "quoted-printable",
    "=?no-such-charset?B?aGk=?=",
    "=?UTF-8?Q?caf=C3=A9?= =?x?B?=?=",
  ),
);
const headerName = fc.constantFrom(
  "From",
  "To",
  "Subject",
  "Date",
  "Content-Type",
  "Content-Transfer-Encoding",
  "X-Other",
);

/** A message-shaped text: hostile headers, a blank line, parts nested to any depth. */
const messageText = fc.letrec<{ message: string }>((tie) => ({
  message: fc
    .tuple(
      fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
      fc.oneof(
        { depthSize: "small" },
        { arbitrary: hostileString(), weight: 3 },
        {
          arbitrary: fc
            .array(tie("message"), { maxLength: 3 })
            .map((parts) => `${parts.map((p) => `--b\n${p}\n`).join("")}--b--\n`),
          weight: 1,
        },
      ),
      fc.constantFrom("\n", "\r\n"),
    )
    .map(
      ([headers, body, eol]) =>
        `${headers.map(([n, v]) => `${n}: ${v}`).join(eol)}${eol}${eol}${body}`,
    ),
})).message;

/** Multipart nested thousands deep: each level opens the next part before closing. */
const deeplyNested = fc
  .integer({ min: 100, max: 20_000 })
  .map(
    (depth) =>
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n".repeat(depth) +
      "Content-Type: text/plain\n\nend\n",
  );

describe("mail parsing under generated input", { timeout: fuzzTimeoutMs(60_000) }, () => {
  it("reads any text without a throw (the mail sink must survive every message)", async () => {
    await fuzz(
      fc.property(
        fc.oneof(
          { arbitrary: messageText, weight: 8 },
          { arbitrary: hostileString(), weight: 2 },
          { arbitrary: hugeString(), weight: 1 },
          { arbitrary: deeplyNested, weight: 1 },
        ),
        (raw) => {
          const mail = parseMail(raw);
          expect(typeof mail.subject).toBe("string");
          expect(Array.isArray(mail.to)).toBe(true);
        },
      ),
      1_000,
    );
  });

  it("decodes any header value and quoted-printable body without a throw", async () => {
    await fuzz(
      fc.property(fc.oneof(headerValue, hostileString()), (value) => {
        expect(typeof decodeHeader(value)).toBe("string");
        expect(Buffer.isBuffer(decodeQuotedPrintable(value))).toBe(true);
      }),
      2_000,
    );
  });

  // Found by the fuzzer: an unknown charset made TextDecoder throw, which stopped the mail sink.
  it.each([
    "Subject: =?no-such-charset?B?aGk=?=\n\nx",
    "Content-Type: text/plain; charset=no-such-charset\n\nhello",
  ])("reads a mail with an unknown charset instead of stopping the sink: %j", (raw) => {
    expect(() => parseMail(raw)).not.toThrow();
  });

  it("gives back the subject and text nodemailer wrote, whatever they are", async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const printable = fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 });
    await fuzz(
      fc.asyncProperty(printable, printable, async (subject, text) => {
        const info = await transport.sendMail({ from: "a@x.test", to: "b@y.test", subject, text });
        const mail = parseMail((info.message as Buffer).toString("utf8"));
        // Mail normalises line breaks and trailing blanks; the characters themselves survive.
        expect(mail.subject.replace(/\s+/g, " ").trim()).toBe(subject.replace(/\s+/g, " ").trim());
        expect(mail.text.replace(/\s+/g, "")).toBe(
          text.replace(/\r?\n|\r/g, "\n").replace(/\s+/g, ""),
        );
      }),
      200,
    );
  });
});
