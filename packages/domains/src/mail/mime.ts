/**
 * A small reader of the MIME messages this project sends (nodemailer: text and HTML parts,
 * quoted-printable or base64, UTF-8, RFC 2047 encoded headers). Used by the local mail sink to
 * show and serve received mail; not a general mail parser.
 */
export interface ParsedMail {
  from: string;
  to: string[];
  subject: string;
  date: string | undefined;
  text: string;
  html: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

export function parseMail(raw: string): ParsedMail {
  const message = splitPart(raw);
  const leaves = leafParts(message);
  const bodyOf = (type: string) =>
    leaves.find((part) => contentType(part).type === type) ?? undefined;
  const text = bodyOf("text/plain");
  const html = bodyOf("text/html");
  return {
    from: decodeHeader(message.headers.get("from") ?? ""),
    to: addressesOf(decodeHeader(message.headers.get("to") ?? "")),
    subject: decodeHeader(message.headers.get("subject") ?? ""),
    date: message.headers.get("date"),
    text: text ? decodeBody(text) : "",
    html: html ? decodeBody(html) : "",
  };
}

/** Headers (unfolded, names lower-cased) and the body after the first blank line. */
function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, "\n");
  const blank = normalized.indexOf("\n\n");
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? "" : normalized.slice(blank + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function contentType(part: Part): { type: string; params: Map<string, string> } {
  const [type = "text/plain", ...rest] = (part.headers.get("content-type") ?? "text/plain").split(
    ";",
  );
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf("=");
    if (eq > 0) {
      params.set(
        param.slice(0, eq).trim().toLowerCase(),
        param
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, "$1"),
      );
    }
  }
  return { type: type.trim().toLowerCase(), params };
}

/**
 * Nesting deeper than any real mail (nodemailer writes at most three levels): below it a part is
 * taken as it is, so a message nested thousands deep cannot exhaust the stack.
 */
const MAX_MULTIPART_DEPTH = 16;

/** The non-multipart parts, depth first (multipart/alternative inside multipart/mixed…). */
function leafParts(part: Part, depth = 0): Part[] {
  const { type, params } = contentType(part);
  const boundary = params.get("boundary");
  if (!type.startsWith("multipart/") || !boundary || depth >= MAX_MULTIPART_DEPTH) return [part];
  const sections = part.body.split(`--${boundary}`);
  // Before the first boundary is the preamble; from the closing `--boundary--` on, the epilogue.
  return sections
    .slice(1)
    .filter((section) => !section.startsWith("--"))
    .flatMap((section) => leafParts(splitPart(section.replace(/^\n/, "")), depth + 1));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = contentType(part).params.get("charset") ?? "utf-8";
  const bytes =
    encoding === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(part.body)
        : Buffer.from(part.body, "utf8");
  return decoderFor(charset).decode(bytes).replace(/\n$/, "");
}

/**
 * A decoder of `charset`, or of UTF-8 when the name is one TextDecoder does not know: a mail
 * that names a bogus charset made TextDecoder throw, and that stopped the mail sink.
 */
function decoderFor(charset: string): { decode(bytes: Uint8Array): string } {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder("utf-8");
  }
}

/** RFC 2045 §6.7: `=XX` bytes and `=` soft line breaks. */
export function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i] ?? "";
    const hex = joined.slice(i + 1, i + 3);
    if (char === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, data) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(data, "base64")
          : decodeQuotedPrintable(String(data).replace(/_/g, " "));
      return decoderFor(charset).decode(bytes);
    });
}

/** The bare addresses of a To header (`Ann <ann@x.test>, bob@y.test` → both addresses). */
function addressesOf(header: string): string[] {
  return header
    .split(",")
    .map((entry) => (entry.match(/<([^>]+)>/)?.[1] ?? entry).trim().toLowerCase())
    .filter(Boolean);
}
