/**
 * Who may see identity documents and decide on them: staff holding the COMPLIANCE role, and
 * nobody else. Unlike the console's sections, ADMIN alone does not open them: the rule
 * is that no route serves a document to anyone but compliance, and reading someone's passport
 * is a privacy decision, not an administrative one. An administrator who must review is given
 * the COMPLIANCE role, which is itself a recorded change.
 *
 * Typed with plain strings so browser code can import it without the database package.
 */
export function canReadKycDocuments(roles: readonly string[]): boolean {
  return roles.includes("COMPLIANCE");
}

/** Deciding needs the documents, so the same people decide. */
export const canDecideKyc = canReadKycDocuments;

/**
 * Who may see an applicant's personal data (legal name, date of birth, document number): the
 * same people as the documents, for the same reason. Others (ADMIN alone) see a submission's
 * status, country and document type, and these fields as null.
 */
export const canReadKycPersonalData = canReadKycDocuments;

/** The personal fields of a submission, as people holding `roles` may see them. */
export function redactKycPersonalData<
  T extends { legalName?: string; dateOfBirth?: Date; documentNumber?: string },
>(
  submission: T,
  roles: readonly string[],
): Omit<T, "legalName" | "dateOfBirth" | "documentNumber"> & {
  [K in keyof T & ("legalName" | "dateOfBirth" | "documentNumber")]: T[K] | null;
} {
  if (canReadKycPersonalData(roles)) return submission;
  const redacted: Record<string, unknown> = { ...submission };
  for (const field of ["legalName", "dateOfBirth", "documentNumber"] as const) {
    if (field in submission) redacted[field] = null;
  }
  return redacted as never;
}
