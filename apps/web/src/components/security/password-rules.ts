/**
 * The registration's password rules (packages/api `ZPassword`), checked in the browser so the
 * form can say what is wrong in the viewer's language before anything is sent. The server
 * checks the same rules again.
 */
export type PasswordProblem = "tooShort" | "tooLong" | "needsLetter" | "needsDigit";

export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.length < 10) return "tooShort";
  if (password.length > 128) return "tooLong";
  if (!/\p{L}/u.test(password)) return "needsLetter";
  if (!/\d/.test(password)) return "needsDigit";
  return undefined;
}
