/**
 * Real image files for KYC tests (the same ones the end-to-end journey uploads), and a
 * submission's fields that pass every rule.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { KycFileKind } from "../kyc/submission-rules";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "..", "e2e", "fixtures", "kyc");

/** The bytes of e2e/fixtures/kyc/<name>. */
export function kycFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export const KYC_FIXTURE_FIELDS = {
  legalName: "Ada Lovelace",
  dateOfBirth: "1990-12-10",
  country: "GB",
  documentType: "NATIONAL_ID",
  documentNumber: "ID-4471-2290",
};

/** Front and back of an identity card (PNG) and a selfie (JPEG). */
export function kycFixtureFiles(): Record<KycFileKind, Uint8Array> {
  return {
    FRONT: kycFixture("id-front.png"),
    BACK: kycFixture("id-back.png"),
    SELFIE: kycFixture("selfie.jpg"),
  };
}
