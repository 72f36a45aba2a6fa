"use client";

import type { FieldErrors } from "@exchange/api/client";
import { useLocale, useTranslations } from "next-intl";
import type { z } from "zod";

type FieldKey =
  | "emailInvalid"
  | "emailTooLong"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordLetter"
  | "passwordDigit"
  | "required";

/** Which sentence of `auth.fields` says what a zod issue of the email or password rules means. */
export function fieldErrorKey(issue: z.core.$ZodIssue): FieldKey {
  const field = issue.path[0];
  if (field === "email") return issue.code === "too_big" ? "emailTooLong" : "emailInvalid";
  if (field === "password" || field === undefined) {
    if (issue.code === "too_small") return "passwordTooShort";
    if (issue.code === "too_big") return "passwordTooLong";
    if (issue.code === "invalid_format") {
      const pattern = "pattern" in issue ? String(issue.pattern) : "";
      return pattern.includes("\\d") ? "passwordDigit" : "passwordLetter";
    }
  }
  return "required";
}

/** The API's sentences for the same rules (register.types.ts), when the server answers them. */
const SERVER_SENTENCES: Record<string, FieldKey> = {
  "Enter a valid email address.": "emailInvalid",
  "This email is too long.": "emailTooLong",
  "Use at least 10 characters.": "passwordTooShort",
  "Use at most 128 characters.": "passwordTooLong",
  "Include at least one letter.": "passwordLetter",
  "Include at least one digit.": "passwordDigit",
};

/**
 * The account forms' field errors in the viewer's language. The rules are the API's own
 * schemas (the same on both sides); their English sentences are replaced by the catalog's, by
 * each issue's field and kind. The server's answers to the same rules are matched by sentence.
 */
export function useFieldErrors() {
  const t = useTranslations("auth.fields");
  const locale = useLocale();
  return {
    fromIssues(issues: readonly z.core.$ZodIssue[], field?: string): FieldErrors {
      const errors: Record<string, string[]> = {};
      for (const issue of issues) {
        const name = field ?? String(issue.path[0] ?? "_");
        const text = t(fieldErrorKey(field ? { ...issue, path: [field] } : issue));
        errors[name] = [...(errors[name] ?? []), text];
      }
      return errors;
    },
    fromServer(errors: FieldErrors): FieldErrors {
      if (locale === "en") return errors;
      return Object.fromEntries(
        Object.entries(errors).map(([name, messages]) => [
          name,
          (messages ?? []).map((message) => t(SERVER_SENTENCES[message] ?? "required")),
        ]),
      );
    },
  };
}
