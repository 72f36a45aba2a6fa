import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE, ZInputDate, ZRowId } from "../input-bounds";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
    .optional()
    .transform((value) => (value === "" ? undefined : value));

/**
 * An announcement as operations writes it: English, Chinese or both (a language left empty
 * shows nothing to its readers), each a title and a body; shown from `startsAt` (now when
 * absent) until `endsAt` (until ended when absent).
 */
export const ZCreateAnnouncementInput = z
  .object({
    titleEn: text(200),
    bodyEn: text(4000),
    titleZh: text(200),
    bodyZh: text(4000),
    startsAt: ZInputDate.optional(),
    endsAt: ZInputDate.optional(),
  })
  .superRefine((input, context) => {
    for (const [title, body, language] of [
      ["titleEn", "bodyEn", "English"],
      ["titleZh", "bodyZh", "Chinese"],
    ] as const) {
      if ((input[title] === undefined) !== (input[body] === undefined)) {
        const missing = input[title] === undefined ? title : body;
        context.addIssue({
          code: "custom",
          path: [missing],
          message: `Give the ${language} title and body together.`,
        });
      }
    }
    if (input.titleEn === undefined && input.titleZh === undefined) {
      context.addIssue({
        code: "custom",
        path: ["titleEn"],
        message: "Write the announcement in at least one language.",
      });
    }
    if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "End after the start." });
    }
  });
export type CreateAnnouncementInput = z.output<typeof ZCreateAnnouncementInput>;

export const ZEndAnnouncementInput = z.object({ id: ZRowId });

export const ZAdminAnnouncement = z.object({
  id: z.number().int(),
  titleEn: z.string().nullable(),
  bodyEn: z.string().nullable(),
  titleZh: z.string().nullable(),
  bodyZh: z.string().nullable(),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  createdById: z.number().int(),
  createdAt: z.date(),
  /** Where it stands now: waiting for its start, shown, or over. */
  state: z.enum(["SCHEDULED", "LIVE", "ENDED"]),
});
export type AdminAnnouncement = z.output<typeof ZAdminAnnouncement>;

export const ZTraderAnnouncementsInput = z.object({ locale: z.enum(["en", "zh-CN"]) });
