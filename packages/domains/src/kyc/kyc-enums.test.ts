import { describe, expect, it } from "vitest";
import { STORED_ENUMS } from "../testing/stored-enums";
import { KYC_STATUSES } from "./kyc-enums";
import { KYC_DOCUMENT_TYPES } from "./submission-rules";

describe("KYC enums", () => {
  it("match the database schema's enums value for value", () => {
    expect([...KYC_STATUSES].sort()).toEqual([...STORED_ENUMS.KycStatus].sort());
    expect([...KYC_DOCUMENT_TYPES].sort()).toEqual([...STORED_ENUMS.KycDocumentType].sort());
  });
});
