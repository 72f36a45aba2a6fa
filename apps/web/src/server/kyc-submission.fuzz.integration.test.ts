/**
 * The KYC upload (POST /api/kyc/submissions) under generated multipart requests: hostile
 * boundaries, part names, file names, part types and bytes, broken framing, lying lengths and
 * origins, against the run's Postgres and a real document store. The property: a typed refusal
 * (4xx with an app code) or a 201, never a 500, and a refusal stores nothing: no submission row,
 * no file in the store.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Services } from "@exchange/api";
import { KYC_FILE_FIELDS } from "@exchange/api/client";
import {
  closeServices,
  createTestUser,
  KYC_FIXTURE_FIELDS,
  kycFixtureFiles,
  testServices,
} from "@exchange/api/testing";
import { fuzz, fuzzTimeoutMs, hostileBytes, hostileString } from "@exchange/protocol/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveKycSubmission } from "./kyc-submission";

const ORIGIN = "http://web.exchange.test";
const TYPED_STATUSES = [201, 400, 401, 403, 409, 411, 413];

let services: Services;
let storageDir: string;
let traderId: number;

beforeAll(async () => {
  storageDir = mkdtempSync(join(tmpdir(), "exchange-fuzz-kyc-"));
  services = await testServices({ documentStorageDir: storageDir });
  traderId = (await createTestUser(services.db, { tag: "fuzz-kyc", kycLevel: 0 })).id;
});
afterAll(() => closeServices(services));

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  body: Uint8Array;
}

const fixtures = kycFixtureFiles();
const validParts: Part[] = [
  ...Object.entries(KYC_FIXTURE_FIELDS).map(([name, value]) => ({
    name,
    body: Buffer.from(value),
  })),
  {
    name: KYC_FILE_FIELDS.FRONT,
    filename: "front.png",
    contentType: "image/png",
    body: fixtures.FRONT,
  },
  {
    name: KYC_FILE_FIELDS.BACK,
    filename: "back.png",
    contentType: "image/png",
    body: fixtures.BACK,
  },
  {
    name: KYC_FILE_FIELDS.SELFIE,
    filename: "me.jpg",
    contentType: "image/jpeg",
    body: fixtures.SELFIE,
  },
];
const partNames = [...Object.keys(KYC_FIXTURE_FIELDS), ...Object.values(KYC_FILE_FIELDS)];

/** A part with a hostile name, file name, type or content; header text stays on one line. */
const hostilePart: fc.Arbitrary<Part> = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...partNames), hostileString({ maxLength: 60 })),
    filename: fc.oneof(
      fc.constantFrom("a.png", "../../etc/passwd", "x.svg", ""),
      hostileString({ maxLength: 60 }),
    ),
    contentType: fc.oneof(
      fc.constantFrom("image/png", "image/svg+xml", "text/html", "application/pdf"),
      hostileString({ maxLength: 40 }),
    ),
    body: fc.oneof(
      hostileBytes(),
      hostileString({ maxLength: 200 }).map((text) => Buffer.from(text)),
    ),
  },
  { requiredKeys: ["name", "body"] },
);

/** The valid form, with some parts replaced, dropped, duplicated or added. */
const parts: fc.Arbitrary<Part[]> = fc
  .tuple(fc.subarray(validParts), fc.array(hostilePart, { maxLength: 4 }), fc.boolean())
  .chain(([kept, extra, shuffle]) =>
    shuffle
      ? fc.shuffledSubarray([...kept, ...extra], { minLength: kept.length + extra.length })
      : fc.constant([...kept, ...extra]),
  );

function oneLine(text: string): string {
  return text.replace(/[\r\n"]/g, "_");
}

/** A header value as a server sees raw UTF-8 bytes: one Latin-1 character per byte, no breaks or NULs. */
function headerText(text: string): string {
  return Buffer.from(oneLine(text), "utf8").toString("latin1").replace(/[\0]/g, "_");
}

/** The multipart body as a browser would frame it, or broken on purpose. */
function multipart(
  list: Part[],
  boundary: string,
  framing: "valid" | "unclosed" | "truncated",
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of list) {
    const disposition = `form-data; name="${oneLine(part.name)}"${part.filename === undefined ? "" : `; filename="${oneLine(part.filename)}"`}`;
    const type =
      part.contentType === undefined ? "" : `Content-Type: ${oneLine(part.contentType)}\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`),
      Buffer.from(part.body),
      Buffer.from("\r\n"),
    );
  }
  if (framing !== "unclosed") chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return framing === "truncated" ? body.subarray(0, Math.floor(body.length / 2)) : body;
}

/** Mostly a well-framed request, so that most cases reach the form's rules and the store. */
const mostly = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 6 }, { arbitrary: rare, weight: 1 });

const request = fc.record({
  parts,
  boundary: mostly(
    fc.constant("----fuzzBoundary7MA4YWxkTrZu0gW"),
    fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/),
  ),
  contentTypeBoundary: mostly(fc.constant("same"), hostileString({ maxLength: 80 }).map(oneLine)),
  framing: mostly(fc.constant("valid"), fc.constantFrom("unclosed", "truncated")),
  contentType: mostly(
    fc.constant("multipart/form-data"),
    fc.constantFrom("application/json", "text/plain", "multipart/mixed"),
  ),
  length: mostly(
    fc.constant("real"),
    fc.constantFrom("0", "-1", "abc", "1e3", "99999999999999999999", "5", ""),
  ),
  origin: mostly(
    fc.constantFrom(ORIGIN, undefined),
    fc.constantFrom("http://evil.test", "null", "not a url", ""),
  ),
});

function requestOf(spec: typeof request extends fc.Arbitrary<infer T> ? T : never): Request {
  const body = multipart(spec.parts, spec.boundary, spec.framing as "valid");
  const boundary = spec.contentTypeBoundary === "same" ? spec.boundary : spec.contentTypeBoundary;
  const headers = new Headers({
    host: "web.exchange.test",
    "content-type": headerText(`${spec.contentType}; boundary=${boundary}`),
    "content-length": spec.length === "real" ? String(body.length) : headerText(spec.length),
  });
  if (spec.origin !== undefined) headers.set("origin", headerText(spec.origin));
  return new Request(`${ORIGIN}/api/kyc/submissions`, {
    method: "POST",
    headers,
    body: new Uint8Array(body),
  });
}

async function submissionCount(): Promise<number> {
  return services.db.kycSubmission.count({ where: { userId: traderId } });
}

function storedFileCount(): number {
  return readdirSync(storageDir, { recursive: true }).length;
}

describe("KYC upload under generated multipart requests", {
  timeout: fuzzTimeoutMs(120_000),
}, () => {
  it("answers typed, and a refusal stores no submission and no file", async () => {
    await fuzz(
      fc.asyncProperty(request, async (spec) => {
        const [rowsBefore, filesBefore] = [await submissionCount(), storedFileCount()];
        const response = await receiveKycSubmission(requestOf(spec), {
          trader: { id: traderId },
          services: async () => services,
        });
        const body = (await response.json()) as { error?: { appCode?: string } };
        expect(TYPED_STATUSES, JSON.stringify(body)).toContain(response.status);
        if (response.status === 201) {
          // Accepted: a fresh trader for the cases that follow (one submission may wait at a time).
          traderId = (await createTestUser(services.db, { tag: "fuzz-kyc", kycLevel: 0 })).id;
          return;
        }
        expect(body.error?.appCode).toBeTypeOf("string");
        expect(await submissionCount()).toBe(rowsBefore);
        expect(storedFileCount()).toBe(filesBefore);
      }),
      200,
    );
  });

  it("refuses an anonymous caller before reading anything", async () => {
    const response = await receiveKycSubmission(
      new Request(`${ORIGIN}/x`, { method: "POST", body: "x" }),
      {
        trader: null,
        services: async () => services,
      },
    );
    expect(response.status).toBe(401);
  });
});
