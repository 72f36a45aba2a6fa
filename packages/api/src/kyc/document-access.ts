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
