import { describe, expect, it } from "vitest";
import {
  ageInYears,
  kycFieldsSchema,
  parseCalendarDate,
  requiredFileKinds,
} from "./submission-rules";

const TODAY = new Date("2026-11-21T10:00:00Z");
const VALID = {
  legalName: "Ada Lovelace",
  dateOfBirth: "1990-12-10",
  country: "gb",
  documentType: "PASSPORT",
  documentNumber: " 123456789 ",
};

function errorsOf(input: Record<string, string>) {
  const result = kycFieldsSchema(TODAY).safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("kycFieldsSchema", () => {
  it("accepts a complete submission and normalises it", () => {
    expect(kycFieldsSchema(TODAY).parse(VALID)).toEqual({
      legalName: "Ada Lovelace",
      dateOfBirth: new Date("1990-12-10T00:00:00Z"),
      country: "GB",
      documentType: "PASSPORT",
      documentNumber: "123456789",
    });
  });

  it("refuses a minor, even by one day", () => {
    expect(errorsOf({ ...VALID, dateOfBirth: "2008-11-22" }).dateOfBirth).toMatch(/at least 18/);
    expect(errorsOf({ ...VALID, dateOfBirth: "2008-11-21" }).dateOfBirth).toBeUndefined();
  });

  it.each([
    ["a date in the future", "2030-01-01", /real date/],
    ["an impossible date", "1990-02-30", /YYYY-MM-DD/],
    ["a date in another format", "10/12/1990", /YYYY-MM-DD/],
    ["an implausible age", "1850-01-01", /real date/],
  ])("refuses %s of birth", (_, dateOfBirth, message) => {
    expect(errorsOf({ ...VALID, dateOfBirth }).dateOfBirth).toMatch(message);
  });

  it("refuses codes that are not assigned countries", () => {
    expect(errorsOf({ ...VALID, country: "UK" }).country).toMatch(/country/);
    expect(errorsOf({ ...VALID, country: "XX" }).country).toMatch(/country/);
  });

  it("names every missing field", () => {
    expect(Object.keys(errorsOf({})).sort()).toEqual(
      ["country", "dateOfBirth", "documentNumber", "documentType", "legalName"].sort(),
    );
  });

  it("refuses markup in the name and odd characters in the number", () => {
    expect(errorsOf({ ...VALID, legalName: "<script>" }).legalName).toBeDefined();
    expect(errorsOf({ ...VALID, documentNumber: "12/34;56" }).documentNumber).toBeDefined();
  });
});

describe("dates and files", () => {
  it("counts age in whole years by birthday", () => {
    const born = new Date("2000-02-29T00:00:00Z");
    expect(ageInYears(born, new Date("2018-02-28T00:00:00Z"))).toBe(17);
    expect(ageInYears(born, new Date("2018-03-01T00:00:00Z"))).toBe(18);
  });

  it("parses only real calendar dates", () => {
    expect(parseCalendarDate("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(parseCalendarDate("2023-02-29")).toBeNull();
  });

  it("needs a back side for cards and licences, not for passports", () => {
    expect(requiredFileKinds("PASSPORT")).toEqual(["FRONT", "SELFIE"]);
    expect(requiredFileKinds("NATIONAL_ID")).toEqual(["FRONT", "BACK", "SELFIE"]);
    expect(requiredFileKinds("DRIVING_LICENCE")).toEqual(["FRONT", "BACK", "SELFIE"]);
  });
});
