import { z } from "zod";
import type { SniffedContentType } from "./content-sniff";
import { isCountryCode } from "./countries";

/** Identity documents a submission may be based on. */
export const KYC_DOCUMENT_TYPES = ["PASSPORT", "NATIONAL_ID", "DRIVING_LICENCE"] as const;
export type KycDocumentType = (typeof KYC_DOCUMENT_TYPES)[number];

export const KYC_DOCUMENT_TYPE_LABELS: Record<KycDocumentType, string> = {
  PASSPORT: "Passport",
  NATIONAL_ID: "National identity card",
  DRIVING_LICENCE: "Driving licence",
};

/** The files of a submission: both sides of the document and a selfie holding it. */
export const KYC_FILE_KINDS = ["FRONT", "BACK", "SELFIE"] as const;
export type KycFileKind = (typeof KYC_FILE_KINDS)[number];

/** The multipart field each file arrives in. */
export const KYC_FILE_FIELDS: Record<KycFileKind, string> = {
  FRONT: "documentFront",
  BACK: "documentBack",
  SELFIE: "selfie",
};

/** Large enough for a phone photo, small enough that a review page loads quickly. */
export const KYC_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The age of majority the exchange's terms require, whatever the country. */
export const KYC_MINIMUM_AGE_YEARS = 18;
const KYC_MAXIMUM_AGE_YEARS = 120;

/**
 * Which files a document type needs. A passport's data page is a single side; a card or a
 * licence has a back (address, categories, a second number) that reviewers must see.
 */
export function requiredFileKinds(documentType: KycDocumentType): KycFileKind[] {
  return documentType === "PASSPORT" ? ["FRONT", "SELFIE"] : ["FRONT", "BACK", "SELFIE"];
}

/** A document scan may be a PDF; the selfie must be a photo. */
export function acceptedContentTypes(kind: KycFileKind): readonly SniffedContentType[] {
  return kind === "SELFIE"
    ? ["image/jpeg", "image/png", "image/webp"]
    : ["image/jpeg", "image/png", "image/webp", "application/pdf"];
}

/** Whole years between a calendar date of birth and `today` (UTC), as birthdays count them. */
export function ageInYears(dateOfBirth: Date, today: Date): number {
  const years = today.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (today.getUTCMonth() === dateOfBirth.getUTCMonth() &&
      today.getUTCDate() < dateOfBirth.getUTCDate());
  return beforeBirthday ? years - 1 : years;
}

/** "YYYY-MM-DD" as a UTC midnight, or null when it is not a real calendar date. */
export function parseCalendarDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

/**
 * The applicant's typed data. `today` is a parameter so the age rule is testable and one
 * request judges every field against the same instant.
 */
export function kycFieldsSchema(today: Date) {
  return z.object({
    legalName: z
      .string()
      .trim()
      .min(2, "Enter your full legal name as it appears on the document.")
      .max(120, "At most 120 characters.")
      .regex(/^[^\p{C}<>]+$/u, "Use letters, spaces, hyphens and apostrophes."),
    dateOfBirth: z
      .string()
      .trim()
      .transform((text, ctx) => {
        const date = parseCalendarDate(text);
        if (!date) {
          ctx.addIssue({ code: "custom", message: "Enter a date as YYYY-MM-DD." });
          return z.NEVER;
        }
        const age = ageInYears(date, today);
        if (date > today || age > KYC_MAXIMUM_AGE_YEARS) {
          ctx.addIssue({ code: "custom", message: "Enter your real date of birth." });
          return z.NEVER;
        }
        if (age < KYC_MINIMUM_AGE_YEARS) {
          ctx.addIssue({
            code: "custom",
            message: `You must be at least ${KYC_MINIMUM_AGE_YEARS} years old to verify.`,
          });
          return z.NEVER;
        }
        return date;
      }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCountryCode, "Choose the country that issued your document."),
    documentType: z.enum(KYC_DOCUMENT_TYPES, "Choose a document type."),
    documentNumber: z
      .string()
      .trim()
      .toUpperCase()
      .min(4, "Enter the number printed on the document.")
      .max(32, "At most 32 characters.")
      .regex(/^[A-Z0-9][A-Z0-9 -]*$/, "Use letters, digits, spaces and hyphens only."),
  });
}

export type KycFieldsInput = z.input<ReturnType<typeof kycFieldsSchema>>;
export type KycFields = z.output<ReturnType<typeof kycFieldsSchema>>;
